/** What a participant says about a candidate after reviewing its suggestions. */
export const MARKS = ['must-meet', 'interested', 'not-interested'] as const;
export type Mark = (typeof MARKS)[number];

/** Marks that count as wanting to meet (mutual interest makes a confirmed pair). */
export const POSITIVE_MARKS: readonly Mark[] = ['must-meet', 'interested'];

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Why a request was closed without either side answering it: that side left the event (its pending requests are cancelled). */
export const REQUEST_CLOSED_REASONS = ['sender-left', 'recipient-left'] as const;
export type RequestClosedReason = (typeof REQUEST_CLOSED_REASONS)[number];

/** Statuses that hold a pair: no second request between the two while one of these exists. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['pending', 'accepted'];

export const REQUEST_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type RequestDirection = (typeof REQUEST_DIRECTIONS)[number];

/** An organiser's decision about one unordered pair. */
export const PAIR_RULE_STATES = ['forced', 'forbidden'] as const;
export type PairRuleState = (typeof PAIR_RULE_STATES)[number];

export const DEFAULT_REVIEW_SETTINGS = { autoAcceptRequests: false, requestTtlHours: 72, maxOpenRequests: 10 } as const;
export const MAX_REQUEST_TTL_HOURS = 24 * 30;

/** Everything the reviews know about one unordered pair (a < b), for pair selection. */
export interface PairState {
  a: string;
  b: string;
  /** The organisers want this pair to meet. */
  forced: boolean;
  /** The organisers excluded this pair. */
  forbidden: boolean;
  /** An accepted request, or mutual interest; never on a forbidden or declined pair. */
  confirmed: boolean;
  /** Both sides marked the other interested or must-meet. */
  mutual: boolean;
  /** Either side marked the other must-meet. */
  mustMeet: boolean;
  /** Either side marked the other not-interested. */
  declined: boolean;
}

/** Pairs the scoring must exclude: forbidden (unordered keys) and declined (directional keys). */
export interface ReviewExclusions {
  forbiddenPairs: Set<string>;
  declinedPairs: Set<string>;
}
