// Vocabulary of stored schedules (the scheduler core's own types live in ./core).

export const SCHEDULE_STATUSES = ['queued', 'running', 'draft', 'failed', 'published', 'superseded'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export const SCHEDULE_DEFAULTS = { timeLimitMs: 10_000, fairnessD: 2, seed: 1 } as const;
export const SCHEDULE_LIMITS = { timeLimitMs: { min: 100, max: 600_000 }, fairnessD: { min: 0, max: 50 } } as const;

export interface ScheduleRunOptions {
  timeLimitMs: number;
  fairnessD: number;
  seed: number;
}

export interface UnplacedPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  reasons: string[];
}

export interface ScheduleQuality {
  meetings: number;
  placed: number;
  unplaced: UnplacedPair[];
  breaksTotal: number;
  maxBreaks: number;
  minBreaks: number;
  fairness: number;
  fairnessD: number;
  fairnessHolds: boolean;
  lowerBound: number;
  optimal: boolean;
  tableChanges: number;
  lockedKept: number;
  /**
   * Locks of the previous schedule not kept (a forbidden pair, a side that left, a slot or table gone),
   * each named in `warnings`; or all of them, in one warning, when it was made for other slots or tables.
   */
  locksDropped: number;
  exact: boolean;
  elapsedMs: number;
  valid: boolean;
  errors: string[];
  warnings: string[];
}
