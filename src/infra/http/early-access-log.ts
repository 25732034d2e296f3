import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * The access-log line of a request answered before it reached pino-http. pino-http runs as Nest
 * middleware, after the app-level body parsers, so a body that fails to parse (bad JSON, a wrong
 * Content-Encoding, too large) is answered without it. Mounted with `app.use` before the body parsers;
 * when the answer is sent and pino-http never saw the request (it sets `req.log`), this writes the line
 * pino-http would have: the request and response through the logger's serializers, the response time,
 * `request completed` (or `request errored` from 500 on), plus `beforeRouting: true`.
 */
export function logRequestsAnsweredBeforeRouting(logger: () => Logger | undefined, props: Record<string, unknown> = {}) {
  return (req: Request & { log?: unknown }, res: Response, next: NextFunction): void => {
    const start = Date.now();
    res.once('finish', () => {
      if (req.log !== undefined) return;
      const log = logger();
      if (!log) return;
      const line = { ...props, req, res, responseTime: Date.now() - start, beforeRouting: true };
      if (res.statusCode >= 500) log.error(line, 'request errored');
      else log.info(line, 'request completed');
    });
    next();
  };
}
