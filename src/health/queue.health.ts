import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { QueueService } from '../infra/queue/queue.service';

/** Queue state: driver, whether this process consumes, and job counts per queue. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queue: QueueService,
  ) {}

  async check(key = 'queue'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const h = await this.queue.health();
    const data = { driver: h.driver, consuming: h.consuming, queues: h.queues, ...(h.error ? { message: h.error } : {}) };
    return h.ok ? session.up(data) : session.down(data);
  }
}
