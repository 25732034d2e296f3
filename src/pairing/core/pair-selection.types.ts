// Plain-data contract of the pair-selection core: which candidate pairs meet at a brokerage event.

export const PAIR_KINDS = ['forced', 'confirmed', 'mutual', 'must-meet', 'suggested'] as const;
/**
 * forced = organiser forced; confirmed = accepted meeting request; mutual = both marked interested;
 * must-meet = one side marked must-meet; suggested = engine suggestion only.
 */
export type PairKind = (typeof PAIR_KINDS)[number];

export interface PairParticipant {
  id: string;
  minMeetings: number;
  maxMeetings: number;
  /**
   * Meetings the participant can hold by time: the schedule slots it can attend, times the meetings
   * it holds at once (several representatives meeting in parallel).
   */
  availableSlots: number;
  /** Informational (e.g. DE / JP); bipartiteness is detected from the candidate graph itself. */
  group?: string;
}

export interface CandidatePair {
  a: string;
  b: string;
  /** Match score in [0, 1]; values outside are clamped (with a warning). */
  score: number;
  kind: PairKind;
  /** Result of the who-may-meet rule when not applied upstream; `false` makes the pair unusable. */
  allowed?: boolean;
  /**
   * A meeting the organisers locked in the current schedule: selected like a forced pair (a lock keeps
   * its slot and table only while its pair stays selected), keeping its kind. Only a forbid or a
   * decline drops it, with a warning.
   */
  locked?: boolean;
}

export interface ForbiddenPair {
  a: string;
  b: string;
  /** organiser = organiser-forbidden; declined = either side marked "not interested". */
  reason?: 'organiser' | 'declined';
}

export interface PairSelectionInput {
  participants: readonly PairParticipant[];
  candidates: readonly CandidatePair[];
  forbidden?: readonly ForbiddenPair[];
}

/**
 * Where "reach every minimum" sits in the lexicographic objective.
 * - 'over-all-tiers' (default): minimise total shortfall first, then the tiers.
 * - 'after-confirmed': confirmed/mutual pairs outrank minimums; minimums outrank must-meet and suggestions.
 * - 'after-must-meet': confirmed/mutual and must-meet outrank minimums; minimums outrank suggestions.
 */
export type MinimumPriority = 'over-all-tiers' | 'after-confirmed' | 'after-must-meet';

export interface PairSelectionOptions {
  minimumPriority?: MinimumPriority;
  /** Improvement passes of the general-graph local search (default 8). */
  localSearchPasses?: number;
}

export interface SelectedPair {
  a: string;
  b: string;
  score: number;
  kind: PairKind;
}

export type ShortfallCode =
  | 'capacity-below-minimum'
  | 'no-candidates'
  | 'no-allowed-candidates'
  | 'all-candidates-forbidden'
  | 'too-few-usable-candidates'
  | 'capacity-used-by-higher-priority'
  | 'capacity-used-by-forced'
  | 'candidates-at-capacity';

export interface ShortfallReason {
  code: ShortfallCode;
  message: string;
}

export interface ParticipantOutcome {
  id: string;
  /** Number of selected pairs including this participant (forced included). */
  selected: number;
  partners: string[];
  min: number;
  max: number;
  /** min(maxMeetings, availableSlots). */
  capacity: number;
  /** max(0, min - selected). */
  shortfall: number;
  /** Human-readable reasons, only when shortfall > 0. */
  reasons: string[];
  reasonDetails: ShortfallReason[];
}

/** The lexicographic objective, in the order it is optimised for the chosen MinimumPriority. */
export interface PairSelectionObjective {
  /** Sum over participants of max(0, min(minMeetings, capacity) - selected). */
  shortfall: number;
  tier1Pairs: number;
  tier1Score: number;
  tier2Pairs: number;
  tier2Score: number;
  suggestedScore: number;
}

export interface PairSelectionTotals {
  pairs: number;
  score: number;
  byKind: Record<PairKind, number>;
  /** Total shortfall against the stated minimums (not capped by capacity). */
  shortfall: number;
  participantsBelowMinimum: number;
}

export type PairSelectionIssueCode =
  | 'duplicate-participant'
  | 'invalid-participant'
  | 'unknown-participant'
  | 'self-pair'
  | 'invalid-score'
  | 'duplicate-pair'
  | 'forced-forbidden'
  | 'forced-not-allowed'
  | 'forced-over-capacity'
  | 'locked-forbidden'
  | 'locked-not-allowed'
  | 'locked-participant-left'
  | 'locks-setup-changed'
  | 'exceeds-table-capacity';

export interface PairSelectionIssue {
  code: PairSelectionIssueCode;
  message: string;
  participants: string[];
}

export type SelectionMethod = 'exact-bipartite' | 'exact-general' | 'heuristic-general';

export interface PairSelectionResult {
  selected: SelectedPair[];
  perParticipant: ParticipantOutcome[];
  totals: PairSelectionTotals;
  errors: PairSelectionIssue[];
  warnings: PairSelectionIssue[];
  /** exact-*: proven optimal for the lexicographic objective; heuristic-general: see `bound`. */
  method: SelectionMethod;
  objective: PairSelectionObjective;
  /** Upper bound from the LP relaxation (bipartite double cover); equals `objective` when exact. */
  bound: PairSelectionObjective;
}
