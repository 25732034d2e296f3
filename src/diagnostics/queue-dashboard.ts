import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import type { ApiKeysService } from '../auth/api-keys.service';
import type { BullMqQueueDriver } from '../infra/queue/drivers/bullmq-queue.driver';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The key from `Authorization: Bearer <key>`, or the password of Basic auth (so a browser can prompt for it). */
export function presentedKey(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null;
}

/** Mounts Bull Board over the BullMQ queues, for admins only. */
export function mountQueueDashboard(app: INestApplication, driver: BullMqQueueDriver, keys: ApiKeysService): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: driver.allQueues().map((q) => new BullMQAdapter(q)), serverAdapter });
  const adminOnly = (req: Request, res: Response, next: NextFunction): void => {
    const key = presentedKey(req.headers.authorization);
    const deny = (status: number, message: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"');
      res.status(status).json({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message });
    };
    if (!key) return deny(401, 'Admin API key required (Bearer, or as the Basic auth password)');
    keys.authenticate(key).then(
      (principal) => {
        if (!principal) return deny(401, 'Unknown or revoked API key');
        if (principal.role !== 'admin') return deny(403, 'The queue dashboard is for admins');
        next();
      },
      (err: unknown) => next(err),
    );
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, serverAdapter.getRouter());
}
