import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobHandler } from '../infra/queue/job-handler.decorator';
import { JobRunEntity } from '../infra/queue/job-run.entity';
import { JobRunner } from '../infra/queue/job-runner';
import { JobName, type JobContext, type JobData } from '../infra/queue/queue.contract';
import { QueueService } from '../infra/queue/queue.service';

export interface ProbeResult {
  probeId: string;
  jobId: string;
  enqueuedBy: string;
}

/**
 * Operators' round trip through the queue: the API enqueues a probe, whichever worker takes it
 * records itself in job_runs, so "are workers consuming?" has a definite answer.
 */
@Injectable()
export class DiagnosticsService {
  constructor(
    private readonly queue: QueueService,
    private readonly runner: JobRunner,
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
  ) {}

  async enqueueProbe(): Promise<ProbeResult> {
    const probeId = randomUUID();
    const { id } = await this.queue.enqueue(JobName.DiagnosticsProbe, { probeId });
    return { probeId, jobId: id, enqueuedBy: this.runner.workerName };
  }

  @JobHandler(JobName.DiagnosticsProbe)
  async handleProbe(data: JobData<JobName.DiagnosticsProbe>, ctx: JobContext): Promise<Record<string, unknown>> {
    await ctx.progress(1);
    return { probeId: data.probeId, processedBy: this.runner.workerName, processedAt: new Date().toISOString() };
  }

  async runsOf(jobId: string): Promise<JobRunEntity[]> {
    const runs = await this.runs.find({ where: { jobId }, order: { startedAt: 'ASC' } });
    if (runs.length === 0) throw new NotFoundException(`No run recorded yet for job ${jobId}`);
    return runs;
  }

  async recentRuns(limit: number): Promise<JobRunEntity[]> {
    return this.runs.find({ order: { startedAt: 'DESC' }, take: limit });
  }
}
