import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What a caller may send as x-request-id; anything else is replaced, so logs stay clean. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's x-request-id when well-formed, else a fresh UUID. */
export function requestIdFor(given: string | string[] | undefined): string {
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives every request its id and echoes it as x-request-id. Mounted with `app.use` before the body
 * parsers: pino-http runs later, as Nest middleware, so a request whose body fails to parse never
 * reaches it, yet its error answer must still carry the id. pino-http keeps an id already on `req.id`.
 */
export function assignRequestId(req: Request & { id?: unknown }, res: Response, next: NextFunction): void {
  if (req.id === undefined) {
    req.id = requestIdFor(req.headers['x-request-id']);
    res.setHeader('x-request-id', String(req.id));
  }
  next();
}
