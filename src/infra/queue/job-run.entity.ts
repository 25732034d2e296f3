import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** One attempt of a queue job by a worker: the audit trail of background work. */
@Entity('job_runs')
@Index('ix_job_runs_job', ['queue', 'jobId'])
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  queue: string;

  @Column({ name: 'job_name', type: 'varchar', length: 80 })
  jobName: string;

  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'varchar', length: 12 })
  status: JobRunStatus;

  /** hostname:pid of the process that ran it. */
  @Column({ type: 'varchar', length: 200 })
  worker: string;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
