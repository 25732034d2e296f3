import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FieldError } from './validation';

/** The one JSON error shape every route answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[];
  requestId?: string;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = req.id !== undefined ? String(req.id) : undefined;
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    // A route's own headers (@Header on CSV and calendar exports, a download's Content-Disposition) are
    // set before its handler runs; an error answer is JSON and no file, whatever the route serves.
    res.removeHeader('Content-Disposition');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    // Nest wraps body-parser's errors in an HttpException whose message is the parser's own
    // ("Expected property name…", "incorrect header check"); answer them in our words instead.
    const parseError = bodyParseError(exception instanceof HttpException ? exception.cause : exception);
    if (parseError) return parseError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const error = statusText(status);
      if (typeof response === 'string') return { statusCode: status, error, message: response };
      const r = response as { message?: string | string[]; details?: FieldError[] };
      const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message);
      return { statusCode: status, error, message, ...(r.details ? { details: r.details } : {}) };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function statusText(status: number): string {
  return HttpStatus[status]?.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') ?? 'Error';
}

/**
 * body-parser's errors (http-errors with a `type`, or a zlib error for a body that does not match its
 * Content-Encoding) as a 4xx naming `body`; undefined for anything else.
 */
export function bodyParseError(cause: unknown): ErrorBody | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const e = cause as { type?: unknown; code?: unknown; errno?: unknown; status?: unknown; message?: unknown; limit?: unknown; encoding?: unknown; charset?: unknown };
  const fail = (statusCode: number, message: string, detail = message): ErrorBody => ({ statusCode, error: statusText(statusCode), message, details: [{ field: 'body', messages: [detail] }] });
  switch (e.type) {
    case 'entity.parse.failed':
      // JSON.parse's own words say where the body went wrong.
      return fail(400, 'Request body is not valid JSON', typeof e.message === 'string' ? `not valid JSON: ${e.message}` : 'not valid JSON');
    case 'entity.too.large':
      return fail(413, typeof e.limit === 'number' ? `Request body is too large (limit ${e.limit} bytes)` : 'Request body is too large');
    case 'encoding.unsupported':
      return fail(415, `Content-Encoding ${typeof e.encoding === 'string' ? `"${e.encoding}" ` : ''}is not supported`);
    case 'charset.unsupported':
      return fail(415, `Charset ${typeof e.charset === 'string' ? `"${e.charset}" ` : ''}is not supported (use utf-8)`);
    case 'request.aborted':
    case 'request.size.invalid':
      return fail(400, 'Request body was incomplete');
  }
  // zlib's errors (gzip, deflate, br) carry an errno; body-parser gives them status 400.
  if (e.status === 400 && typeof e.errno === 'number' && typeof e.code === 'string') {
    return fail(400, 'Request body does not match its Content-Encoding');
  }
  return undefined;
}
