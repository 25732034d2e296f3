// Worker-thread entry of the scheduler's helper (schedule-helper-thread.ts): for every run posted
// to it, runs the core on the caller's input with the helper's options until the caller stops it,
// and leaves its schedule in shared memory. The thread and its solver stay loaded between runs.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCadicalSatSolver } from './cadical-loader';
import { helperOptions, SEARCH_FAILED, scheduleMeetings, warmUpScheduler } from './core';
import { CELL, type HelperJob } from './schedule-helper-thread';

const solver = loadCadicalSatSolver();

async function run({ input, options, deadline, shared }: HelperJob): Promise<void> {
  const cell = new Int32Array(shared);
  try {
    const satSolver = await solver;
    const slotOf = new Map(input.meetings.map((m, i) => [m.id, i]));
    const result = scheduleMeetings(input, {
      ...options,
      // Date.now: the caller's and this thread's performance clocks have different origins.
      timeLimitMs: Math.max(0, deadline - Date.now()),
      exact: 'auto',
      satSolver,
      interrupt: () => Atomics.load(cell, CELL.stop) === 1,
    });
    const slots = cell.subarray(CELL.slots);
    slots.fill(-1);
    for (const a of result.assignments) slots[slotOf.get(a.meetingId)!] = a.slot;
    const r = result.report;
    cell[CELL.breaks] = r.breaksTotal;
    cell[CELL.lowerBound] = r.lowerBound;
    // Meetings the pre-checks set aside are set aside by the caller too: only the search's own
    // failures make the schedule unusable.
    cell[CELL.feasible] = r.fairnessHolds && result.unplaced.every((u) => !u.reasons.includes(SEARCH_FAILED)) ? 1 : 0;
    cell[CELL.optimal] = r.optimal ? 1 : 0;
    Atomics.store(cell, CELL.state, 1);
  } catch {
    Atomics.store(cell, CELL.state, 2);
  }
  Atomics.notify(cell, CELL.state);
}

parentPort?.on('message', (job: HelperJob) => void run(job));
// Loaded (and warmed up when asked) and ready: prestartScheduleHelpers waits for it.
const warmUpMs = Number((workerData as { warmUpMs?: number } | null)?.warmUpMs ?? 0);
void solver.then(
  (satSolver) => {
    if (warmUpMs > 0) warmUpScheduler({ ...helperOptions({ timeLimitMs: warmUpMs, fairnessD: 2 }, warmUpMs), exact: 'auto', satSolver }, warmUpMs);
    parentPort?.postMessage('ready');
  },
  () => parentPort?.postMessage('failed'),
);
