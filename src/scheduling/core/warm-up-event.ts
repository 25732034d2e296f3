// A synthetic event for warming the scheduler up: a process (or helper thread) that solves it once
// has the core's code and the SAT solver's WebAssembly compiled by the optimising tiers, as a
// long-running worker has after its first jobs, so its next run starts at full speed.
import { scheduleMeetings } from './schedule-meetings';
import type { MeetingInput, ScheduleInput, ScheduleOptions } from './schedule-types';
import { SeededRandom } from './seeded-random';

/** 60 participants, 140 meetings, 16 slots at 10 tables, a few forbidden slots (deterministic). */
export function warmUpEvent(): ScheduleInput {
  const random = new SeededRandom(2026);
  const n = 60;
  const ids = Array.from({ length: n }, (_, i) => `W${i}`);
  const meetings: MeetingInput[] = [];
  const seen = new Set<string>();
  while (meetings.length < 140) {
    const a = random.int(n);
    const b = random.int(n);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    meetings.push({ id: key, a: ids[a], b: ids[b] });
  }
  const participants = ids.map((id) => ({ id, forbiddenSlots: random.next() < 0.15 ? [random.int(16)] : [] }));
  return { nSlots: 16, morningSlots: 8, tables: 10, participants, meetings };
}

/** Solves the warm-up event for about `ms` with these options (the caller's solver and strategy). */
export function warmUpScheduler(options: Omit<ScheduleOptions, 'timeLimitMs'>, ms: number): void {
  scheduleMeetings(warmUpEvent(), { ...options, timeLimitMs: ms, onProgress: undefined });
}
