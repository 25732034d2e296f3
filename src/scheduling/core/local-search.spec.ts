import { participantLowerBounds, runPreChecks } from './infeasibility-checks';
import { LocalSearch, type SearchParams } from './local-search';
import { compileModel } from './schedule-model';
import type { ScheduleInput } from './schedule-types';

// A chain A-B-C-…-I on one table: only the chain order (or its reverse) has no breaks, and the
// meetings are listed so that the greedy construction does not find it.
const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
const input: ScheduleInput = {
  nSlots: 10,
  tables: 1,
  participants: ids.map((id) => ({ id })),
  meetings: [7, 2, 5, 0, 3, 6, 1, 4].map((i) => ({ id: `${ids[i]}${ids[i + 1]}`, a: ids[i], b: ids[i + 1] })),
};

function anneal(over: Partial<SearchParams>) {
  const model = compileModel(input);
  runPreChecks(model);
  const lowerBound = participantLowerBounds(model, 2).reduce((s, v) => s + v, 0);
  let clock = 0;
  // A fake clock: every reading is one millisecond later, so the run is deterministic.
  const now = () => clock++;
  return new LocalSearch(model, { timeLimitMs: 0, seed: 3, d: 2, lowerBound, maxIterations: 5_000_000, now, ...over }).run();
}

describe('LocalSearch time limit', () => {
  it('stops at its time limit without an extension', () => {
    const { state, iterations } = anneal({});
    expect(iterations).toBe(0);
    expect(state.breaks).toBeGreaterThan(0);
  });

  it('runs past the time limit while it still improves, up to the optimum', () => {
    const { state, iterations } = anneal({ extendWhileImprovingMs: 1_000_000, maxTimeLimitMs: 1_000_000 });
    expect(iterations).toBeGreaterThan(0);
    expect(state.breaks).toBe(0);
  });

  it('never extends past maxTimeLimitMs', () => {
    const { state, iterations } = anneal({ extendWhileImprovingMs: 1_000_000, maxTimeLimitMs: 0 });
    expect(iterations).toBe(0);
    expect(state.breaks).toBeGreaterThan(0);
  });
});
