import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { requestIdFor } from '../http/request-id';

/** Fields of every access-log line (also those written before routing, see early-access-log.ts). */
export const ACCESS_LOG_PROPS = Object.freeze({ service: 'tieup-match' });

/** Structured JSON logs (pino); every HTTP log line carries the request id, echoed as x-request-id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
          level: config.log.level,
          // HTTP requests already have theirs (assignRequestId, before the body parsers); pino-http keeps it.
          genReqId: (req, res) => {
            const id = requestIdFor(req.headers['x-request-id']);
            res.setHeader('x-request-id', id);
            return id;
          },
          redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
          autoLogging: { ignore: (req) => req.url === '/health' },
          customProps: () => ACCESS_LOG_PROPS,
          },
          pino.destination(config.log.toStderr ? 2 : 1),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
