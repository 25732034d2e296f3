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
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const error = HttpStatus[status]?.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') ?? 'Error';
      if (typeof response === 'string') return { statusCode: status, error, message: response };
      const r = response as { message?: string | string[]; details?: FieldError[] };
      const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message);
      return { statusCode: status, error, message, ...(r.details ? { details: r.details } : {}) };
    }
    // Malformed JSON bodies come from the body parser as plain errors with a status.
    const e = exception as { status?: number; type?: string; message?: string };
    if (e?.type === 'entity.parse.failed') return { statusCode: 400, error: 'Bad Request', message: 'Request body is not valid JSON' };
    if (e?.type === 'entity.too.large') return { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' };
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}
