// Plain data types of the meeting scheduler core (no framework, no I/O).
import type { SatSolverFactory, SatStrategy } from './sat-search';


/**
 * Session restriction of a meeting: 'any', or the name of a session (e.g. 'morning'), which allows the
 * slots labelled with that session on every day (see ScheduleInput.slotSessions).
 */
export type Session = 'any' | (string & {});

export const ANY_SESSION = 'any';

export interface ParticipantInput {
  id: string;
  /** How reasons and warnings name the participant (e.g. its organisation's name); default: the id. */
  name?: string;
  /** Slots (0-based) in which this participant cannot meet. */
  forbiddenSlots?: readonly number[];
  /** Sessions the participant attends (names as in slotSessions); absent: every session. */
  sessions?: readonly string[];
  /** A table (0-based) the participant always sits at (an exhibitor with its own stand). */
  fixedTable?: number;
}

/** How messages name a participant: its name, else its id. */
export function participantName(p: ParticipantInput): string {
  return p.name ?? p.id;
}

export interface MeetingInput {
  id: string;
  a: string;
  b: string;
  session?: Session;
  /** The meeting must be held in this slot. */
  fixedSlot?: number;
  /** Kept from a previous published run: slot and table stay. */
  locked?: { slot: number; table: number };
  /** Ids of meetings that must be held strictly earlier than this one. */
  predecessors?: readonly string[];
}

export interface ScheduleInput {
  nSlots: number;
  /** The session of each slot (length nSlots), e.g. "morning" and "afternoon" on every day. */
  slotSessions?: readonly string[];
  /**
   * Two-session shorthand used when slotSessions is absent: slots 0..morningSlots-1 are "morning",
   * the rest "afternoon". Neither given: the slots belong to no named session.
   */
  morningSlots?: number;
  /** How reasons name each slot (length nSlots, e.g. "2026-03-10 09:30"); default: "slot N" (0-based). */
  slotNames?: readonly string[];
  /** Maximum number of meetings in one slot. */
  tables: number;
  participants: readonly ParticipantInput[];
  meetings: readonly MeetingInput[];
}

/** How messages name slot t: ScheduleInput.slotNames, else "slot t" (0-based). */
export function slotName(input: ScheduleInput, t: number): string {
  return input.slotNames?.[t] ?? `slot ${t}`;
}

export interface ScheduleOptions {
  timeLimitMs: number;
  seed?: number;
  /** Fairness bound: max - min breaks over participants. Default 2. */
  fairnessD?: number;
  /** Optional iteration cap: runs that end on it (or on the lower bound) are fully deterministic. */
  maxIterations?: number;
  onProgress?: (fraction: number, bestBreaks: number | null) => void;
  /** Clock injection for tests; defaults to performance.now. */
  now?: () => number;
  /**
   * Exact improvement step after the annealing: a complete SAT search on the whole problem with
   * the injected `satSolver`, warm-started from the annealing's best schedule and tightened until
   * the time limit or a proof of optimality. 'auto' (default) runs it when a solver is given,
   * 'off' leaves the annealing alone.
   */
  exact?: 'auto' | 'off';
  /** Injected incremental SAT solver for the exact step, e.g. `await loadCadicalSatSolver()`. */
  satSolver?: SatSolverFactory;
  /** Solver options for the SAT step (tuning/diagnostics), e.g. CaDiCaL's `{ stabilizeonly: 1 }`. */
  satOptions?: Record<string, number | boolean>;
  /** Search strategy of the SAT step (tuning/diagnostics), e.g. `{ lnsShare: 0 }`. */
  satStrategy?: Partial<SatStrategy>;
  /** Share of the time limit given to the annealing before the exact step (default 0.45). */
  annealShare?: number;
  /**
   * Starts a second search on the same input elsewhere (another thread), with the exact step:
   * the better of both schedules is returned, and whichever proves its schedule optimal first
   * ends the other. helperOptions (schedule-meetings.ts) derives the helper's options.
   */
  helper?: (input: ScheduleInput, options: HelperOptions) => ScheduleHelper;
  /** Polled during the search: true ends it with the best schedule so far (e.g. a helper's run, stopped by its caller). */
  interrupt?: () => boolean;
}

/** The helper's own options (plain data, for another thread): see helperOptions. */
export type HelperOptions = Pick<ScheduleOptions, 'timeLimitMs' | 'seed' | 'fairnessD' | 'annealShare' | 'satOptions' | 'satStrategy'>;

/** A helper's final answer, over the meetings in input order. */
export interface HelperAnswer {
  /** Slot of every meeting, −1 where it is not placed. */
  slots: Int32Array;
  breaks: number;
  /** Every meeting the pre-checks kept is placed, and the fairness bound holds. */
  feasible: boolean;
  optimal: boolean;
  lowerBound: number;
}

/** A search running beside the core, polled and never awaited. */
export interface ScheduleHelper {
  /** True once the helper has proven a schedule optimal. */
  solved(): boolean;
  /** Stops the helper and waits at most `graceMs` for its answer (null when none came). */
  finish(graceMs: number): HelperAnswer | null;
}

export interface PlacedMeeting {
  meetingId: string;
  slot: number;
  table: number;
}

export interface UnplacedMeeting {
  meetingId: string;
  reasons: string[];
}

export interface ScheduleReport {
  meetings: number;
  placed: number;
  unplaced: number;
  breaksTotal: number;
  maxBreaks: number;
  minBreaks: number;
  /** max - min breaks over participants with at least one placed meeting. */
  fairness: number;
  fairnessD: number;
  fairnessHolds: boolean;
  /** Lower bound on total breaks (valid for the placed meetings). */
  lowerBound: number;
  /** True when every meeting is placed, d holds and breaks equal the lower bound. */
  optimal: boolean;
  tableChanges: number;
  elapsedMs: number;
  iterations: number;
  /** Instance-level problems that are not tied to one meeting (e.g. fairness cannot hold). */
  warnings: string[];
}

export interface ScheduleResult {
  assignments: PlacedMeeting[];
  unplaced: UnplacedMeeting[];
  report: ScheduleReport;
}
