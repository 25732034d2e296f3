// Pair selection: which candidate pairs meet at a brokerage event, before scheduling.
//
// Objective (lexicographic, most significant first), for the default minimumPriority 'over-all-tiers':
//   0. forced pairs and the pairs of locked meetings are always selected (unless forbidden/declined),
//      even beyond capacity;
//   1. minimise total shortfall  Σ max(0, min(minMeetings, capacity) − selected);
//   2. maximise the number of confirmed + mutual pairs, 3. then their total score;
//   4. maximise the number of must-meet pairs, 5. then their total score;
//   6. maximise the total score of suggested pairs.
// 'after-confirmed' moves step 1 after step 3; 'after-must-meet' moves it after step 5.
// Subject to: each participant's selected pairs ≤ capacity = min(maxMeetings, availableSlots).
// Scores are compared in millionths. Shortfall is the unit total, not the count of participants
// below minimum (that count is not concave, so no flow model can optimise it exactly).
// Exactness: bipartite candidate graphs (e.g. DE×JP) are solved exactly by network simplex;
// general graphs solve the bipartite double cover (an LP bound), exact when that LP is integral,
// else rounded and improved by local search — `method` and `bound` say which happened.
// Ties: input is canonicalised (participants and pairs sorted by ids) before solving, so among
// equal-value optima the same one is returned whatever the input order.
import { solveBipartite, solveGeneral, twoColour, type BMatchingProblem } from './b-matching';
import { nonNegInt, preparePairs, SCORE_SCALE, type PreparedPair } from './prepare-pairs';
import { explainShortfall, type NodePair } from './shortfall-reasons';
import {
  PAIR_KINDS,
  type MinimumPriority,
  type PairKind,
  type PairSelectionInput,
  type PairSelectionObjective,
  type PairSelectionOptions,
  type PairSelectionResult,
  type ParticipantOutcome,
  type SelectedPair,
} from './pair-selection.types';

// Canonical objective components (gains).
const SHORTFALL = 0;
const T1_COUNT = 1;
const T1_SCORE = 2;
const T2_COUNT = 3;
const T2_SCORE = 4;
const T3_SCORE = 5;
const LEVELS = 6;

const LEVEL_ORDERS: Record<MinimumPriority, number[]> = {
  'over-all-tiers': [SHORTFALL, T1_COUNT, T1_SCORE, T2_COUNT, T2_SCORE, T3_SCORE],
  'after-confirmed': [T1_COUNT, T1_SCORE, SHORTFALL, T2_COUNT, T2_SCORE, T3_SCORE],
  'after-must-meet': [T1_COUNT, T1_SCORE, T2_COUNT, T2_SCORE, SHORTFALL, T3_SCORE],
};

export function selectPairs(input: PairSelectionInput, options: PairSelectionOptions = {}): PairSelectionResult {
  const prep = preparePairs(input);
  const n = prep.participants.length;

  // Forced pairs are fixed: the solver sees only the residual capacity and residual minimum.
  const cap = new Int32Array(n);
  const minUnits = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    cap[v] = Math.max(0, prep.capacity[v] - prep.forcedDeg[v]);
    minUnits[v] = Math.max(0, prep.minEff[v] - prep.forcedDeg[v]);
  }
  const pairs = prep.pairs;
  const m = pairs.length;
  // Levels no pair or minimum can touch are dropped: fewer levels make every pivot cheaper.
  const used = new Uint8Array(LEVELS);
  used[SHORTFALL] = minUnits.some((x) => x > 0) ? 1 : 0;
  for (const pair of pairs) {
    if (pair.tier === 1) used[T1_COUNT] = used[T1_SCORE] = 1;
    else if (pair.tier === 2) used[T2_COUNT] = used[T2_SCORE] = 1;
    else used[T3_SCORE] = 1;
  }
  const order = LEVEL_ORDERS[options.minimumPriority ?? 'over-all-tiers'].filter((c) => used[c]);
  const levels = Math.max(1, order.length);
  const levelOf = new Int32Array(LEVELS).fill(-1);
  order.forEach((canonical, level) => (levelOf[canonical] = level));
  const gain = new Float64Array(m * levels);
  pairs.forEach((pair, e) => {
    const [count, score] = pair.tier === 1 ? [T1_COUNT, T1_SCORE] : pair.tier === 2 ? [T2_COUNT, T2_SCORE] : [-1, T3_SCORE];
    if (count >= 0) gain[e * levels + levelOf[count]] = 1;
    gain[e * levels + levelOf[score]] = pair.scoreInt;
  });
  const unitBonus = new Float64Array(levels);
  if (used[SHORTFALL]) unitBonus[levelOf[SHORTFALL]] = 1;
  const problem: BMatchingProblem = {
    n,
    cap,
    minUnits,
    edgeU: Int32Array.from(pairs, (x) => x.u),
    edgeV: Int32Array.from(pairs, (x) => x.v),
    gain,
    unitBonus,
    levels,
  };
  const side = twoColour(problem);
  const solution = side ? solveBipartite(problem, side) : solveGeneral(problem, options.localSearchPasses ?? 8);

  const chosenPairs: PreparedPair[] = [...prep.forced, ...pairs.filter((_, e) => solution.chosen[e] === 1)];
  const deg = new Int32Array(n);
  const selectedOf: NodePair[][] = Array.from({ length: n }, () => []);
  const unselectedOf: NodePair[][] = Array.from({ length: n }, () => []);
  // Pairs of locked meetings count as forced in the shortfall reasons, whatever their kind.
  const fixed = new Set(prep.forced);
  for (const pair of chosenPairs) {
    const tier = fixed.has(pair) ? 0 : pair.tier;
    deg[pair.u]++;
    deg[pair.v]++;
    selectedOf[pair.u].push({ other: pair.v, tier });
    selectedOf[pair.v].push({ other: pair.u, tier });
  }
  pairs.forEach((pair, e) => {
    if (solution.chosen[e]) return;
    unselectedOf[pair.u].push({ other: pair.v, tier: pair.tier });
    unselectedOf[pair.v].push({ other: pair.u, tier: pair.tier });
  });

  const ids = prep.participants.map((p) => p.id);
  const selected: SelectedPair[] = chosenPairs
    .map((x) => ({ a: ids[x.u], b: ids[x.v], score: x.score, kind: x.kind }))
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));

  const ctx = { prep, deg, selectedOf, unselectedOf };
  let totalShortfall = 0;
  let below = 0;
  const perParticipant: ParticipantOutcome[] = prep.participants.map((p, i) => {
    const min = nonNegInt(p.minMeetings);
    const shortfall = Math.max(0, min - deg[i]);
    totalShortfall += shortfall;
    if (shortfall > 0) below++;
    const reasonDetails = shortfall > 0 ? explainShortfall(ctx, i) : [];
    return {
      id: p.id,
      selected: deg[i],
      partners: selectedOf[i].map((s) => ids[s.other]).sort(),
      min,
      max: nonNegInt(p.maxMeetings),
      capacity: prep.capacity[i],
      shortfall,
      reasons: reasonDetails.map((r) => r.message),
      reasonDetails,
    };
  });

  const byKind = Object.fromEntries(PAIR_KINDS.map((k) => [k, 0])) as Record<PairKind, number>;
  let score = 0;
  for (const s of selected) {
    byKind[s.kind]++;
    score += s.score;
  }
  const residualMin = minUnits.reduce((acc, x) => acc + x, 0);
  const toObjective = (vec: Float64Array): PairSelectionObjective => {
    const at = (canonical: number): number => (levelOf[canonical] >= 0 ? vec[levelOf[canonical]] : 0);
    return {
      shortfall: residualMin - at(SHORTFALL),
      tier1Pairs: at(T1_COUNT),
      tier1Score: at(T1_SCORE) / SCORE_SCALE,
      tier2Pairs: at(T2_COUNT),
      tier2Score: at(T2_SCORE) / SCORE_SCALE,
      suggestedScore: at(T3_SCORE) / SCORE_SCALE,
    };
  };

  return {
    selected,
    perParticipant,
    totals: { pairs: selected.length, score, byKind, shortfall: totalShortfall, participantsBelowMinimum: below },
    errors: prep.errors,
    warnings: prep.warnings,
    method: solution.method,
    objective: toObjective(solution.value),
    bound: toObjective(solution.bound),
  };
}
