import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobRegistry } from './job-registry';
import { JobRunEntity } from './job-run.entity';
import { JOB_DEFINITIONS, type JobContext, type JobName, type JobResult } from './queue.contract';

export interface RunRequest {
  name: JobName;
  data: Record<string, unknown>;
  jobId: string;
  attempt: number;
  progress: JobContext['progress'];
}

/** Runs one attempt of a job through its handler and records it in job_runs; used by every driver. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobRunner');
  readonly workerName = `${hostname()}:${process.pid}`;

  constructor(
    private readonly registry: JobRegistry,
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
  ) {}

  async run(req: RunRequest): Promise<JobResult> {
    const queue = JOB_DEFINITIONS[req.name].queue;
    const started = Date.now();
    const run = await this.runs.save(
      this.runs.create({ queue, jobName: req.name, jobId: req.jobId, payload: req.data, attempt: req.attempt, status: 'running', worker: this.workerName }),
    );
    try {
      const result = await this.registry.get(req.name)(req.data, { jobId: req.jobId, attempt: req.attempt, progress: req.progress });
      await this.runs.save(Object.assign(run, { status: 'completed', result: result ?? null, finishedAt: new Date() }));
      this.logger.log({ job: req.name, jobId: req.jobId, attempt: req.attempt, ms: Date.now() - started }, 'job completed');
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.save(Object.assign(run, { status: 'failed', error: message, finishedAt: new Date() }));
      this.logger.warn({ job: req.name, jobId: req.jobId, attempt: req.attempt, err: message }, 'job failed');
      throw error;
    }
  }
}
