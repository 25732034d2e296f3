// The one queue contract: every queue, job name, payload and policy of background work lives here.
// Payloads carry ids only; handlers reload what they need, so a retried job sees current state.

export enum QueueName {
  Maintenance = 'maintenance',
  Matching = 'matching',
  Scheduling = 'scheduling',
}

export enum JobName {
  /** Round trip through the queue, recorded by whichever worker takes it. */
  DiagnosticsProbe = 'diagnostics.probe',
  /** Recompute the match lists of an event (all participants, or the one the run names). */
  MatchingRecompute = 'matching.recompute',
  /** One shard of a large event's recomputation (participants interleaved by id). */
  MatchingShard = 'matching.shard',
  /** Mark an event's pending meeting requests whose time is up as expired. */
  ReviewsExpireRequests = 'reviews.expire-requests',
  /** Schedule the current pair selection of an event into a draft schedule (slots and tables). */
  SchedulingSolve = 'scheduling.solve',
}

export interface JobPayloads {
  [JobName.DiagnosticsProbe]: { probeId: string };
  [JobName.MatchingRecompute]: { runId: string };
  [JobName.MatchingShard]: { runId: string; shard: number };
  [JobName.ReviewsExpireRequests]: { eventId: string };
  [JobName.SchedulingSolve]: { scheduleId: string };
}

export type JobData<N extends JobName> = JobPayloads[N];
export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };
/** The union of every job the engine knows. */
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];

export interface RetryPolicy {
  attempts: number;
  backoff: { type: 'fixed' | 'exponential'; delay: number };
}
export interface RetentionPolicy {
  /** Completed jobs kept for inspection: at most this many, no older than ageSeconds. */
  removeOnComplete: { count: number; age: number };
  removeOnFail: { count: number; age: number };
}

export const RETRY_POLICIES = {
  /** Cheap, idempotent jobs: retry quickly a few times. */
  quick: { attempts: 3, backoff: { type: 'fixed', delay: 1_000 } },
  /** Heavy recomputation: back off exponentially so a struggling database can recover. */
  patient: { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
} as const satisfies Record<string, RetryPolicy>;

export const RETENTION_POLICIES = {
  standard: {
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
} as const satisfies Record<string, RetentionPolicy>;

export interface JobDefinition {
  queue: QueueName;
  retry: keyof typeof RETRY_POLICIES;
  retention: keyof typeof RETENTION_POLICIES;
}

export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  [JobName.DiagnosticsProbe]: { queue: QueueName.Maintenance, retry: 'quick', retention: 'standard' },
  [JobName.MatchingRecompute]: { queue: QueueName.Matching, retry: 'patient', retention: 'standard' },
  [JobName.MatchingShard]: { queue: QueueName.Matching, retry: 'patient', retention: 'standard' },
  [JobName.ReviewsExpireRequests]: { queue: QueueName.Maintenance, retry: 'quick', retention: 'standard' },
  [JobName.SchedulingSolve]: { queue: QueueName.Scheduling, retry: 'patient', retention: 'standard' },
};

export interface EnqueueOptions {
  /** Jobs with the same key are not enqueued twice while one is waiting or running. */
  dedupeKey?: string;
  delayMs?: number;
}

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** Reports progress in [0, 1] with optional detail for dashboards. */
  progress(fraction: number, detail?: Record<string, unknown>): Promise<void>;
}

export type JobResult = Record<string, unknown> | void;
export type JobHandlerFn<N extends JobName> = (data: JobData<N>, ctx: JobContext) => Promise<JobResult>;
