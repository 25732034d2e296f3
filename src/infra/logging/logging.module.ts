import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Structured JSON logs (pino); every HTTP log line carries the request id, echoed as x-request-id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
          level: config.log.level,
          genReqId: (req, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
          autoLogging: { ignore: (req) => req.url === '/health' },
          customProps: () => ({ service: 'tieup-match' }),
          },
          pino.destination(config.log.toStderr ? 2 : 1),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
