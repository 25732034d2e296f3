import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { DatabaseServer } from '../infra/database/database.module';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly dbServer: DatabaseServer,
  ) {}

  /** 200 when the database and the queue answer, 503 otherwise; no key needed. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const r = await this.db.pingCheck('database', { timeout: 3000 });
        return { database: { ...r.database, kind: this.dbServer.kind } };
      },
      () => this.queue.check('queue'),
    ]);
  }
}
