// Knobs of the local search, kept apart so experiments can override them without code changes.

/** Search knobs; the defaults were tuned on the JAIR 2022 instances (see bench/b2b). */
export interface SearchTuning {
  /** Cost of a participant clash or broken precedence. */
  wHard: number;
  /** Cost of one meeting over a slot's table capacity. */
  wCap: number;
  /** Cost per unit of fairness excess (max - min - d). */
  wFair: number;
  /** Cost per idle slot inside a participant's span: a gradient towards closing breaks. */
  wIdle: number;
  /** Per-participant cap on the idle slots counted by wIdle. */
  idleCap: number;
  /** Iterations of one cooling cycle from tempHigh to tempLow. */
  cycle: number;
  tempHigh: number;
  tempLow: number;
  /** Restart a cycle from the best state when the previous cycle found nothing better. */
  restore: boolean;
  /** Move mix: single move, Kempe chain, meeting swap, participant re-timing; the rest are whole-slot moves. */
  pMove: number;
  pKempe: number;
  pSwap: number;
  pRetime: number;
  /** Share of target slots chosen next to the participants' other meetings. */
  pNear: number;
  /** Share of picks aimed at meetings of participants with breaks. */
  pFocus: number;
  /** Share of swaps with any meeting of a nearby slot (vs another meeting of the same participant). */
  pSwapAny: number;
  /** Share of whole-slot moves that insert a slot elsewhere (vs swapping two slots). */
  pInsert: number;
  /** Share of re-timings whose window has one hole. */
  pHole: number;
  /** Probability of rebalancing a slot overfilled by an odd Kempe chain. */
  pBalance: number;
  /** Longest Kempe chain tried (meetings). */
  maxChain: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  wHard: 4,
  wCap: 4,
  wFair: 3,
  wIdle: 0.1,
  idleCap: 1000,
  cycle: 2_000_000,
  tempHigh: 0.4,
  tempLow: 0.03,
  restore: true,
  pMove: 0.45,
  pKempe: 0.35,
  pSwap: 0.16,
  pRetime: 0.01,
  pNear: 0.9,
  pFocus: 0.5,
  pSwapAny: 0.5,
  pInsert: 0.5,
  pHole: 0.5,
  pBalance: 1,
  maxChain: 16,
};
