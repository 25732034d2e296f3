// The scheduler's helper: a second run of the core on a worker thread, with other settings
// (helperOptions), beside the caller's run. Both share a deadline; the caller keeps the better
// schedule and stops the helper as soon as either has proven its schedule optimal. Results and
// the stop signal pass through shared memory, so the synchronous core only polls.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HelperAnswer, HelperOptions, ScheduleHelper, ScheduleInput } from './core';

/** Int32 cells of the shared buffer; the meetings' slots follow from `slots` on. */
export const CELL = { state: 0, stop: 1, breaks: 2, lowerBound: 3, feasible: 4, optimal: 5, slots: 6 } as const;
/** state: the helper is running, has answered, or failed. */
const RUNNING = 0;
const ANSWERED = 1;

export interface HelperWorkerData {
  input: ScheduleInput;
  options: HelperOptions;
  /** Date.now() at which the helper's run ends. */
  deadline: number;
  shared: SharedArrayBuffer;
}

/**
 * The helper a scheduling run gets: one on a worker thread where the run may use two threads and the
 * exact step has its solver (the helper runs the same core with other settings), else none.
 */
export function helperFor(threads: number, hasSatSolver: boolean): typeof startScheduleHelper | undefined {
  return threads > 1 && hasSatSolver ? startScheduleHelper : undefined;
}

/** Starts the helper; a thread that fails to start or run just never answers. */
export function startScheduleHelper(input: ScheduleInput, options: HelperOptions): ScheduleHelper {
  const shared = new SharedArrayBuffer(4 * (CELL.slots + input.meetings.length));
  const cell = new Int32Array(shared);
  const ext = extname(__filename);
  // Run from TypeScript sources (tests, benchmarks): the worker needs the same transpiler hook.
  const execArgv = ext === '.ts' ? ['-r', '@swc-node/register'] : undefined;
  const workerData: HelperWorkerData = { input, options, deadline: Date.now() + options.timeLimitMs, shared };
  const worker = new Worker(join(__dirname, `schedule-helper.worker${ext}`), { workerData, execArgv });
  worker.on('error', () => {
    Atomics.store(cell, CELL.state, 2);
  });
  worker.unref();
  return {
    solved: () => Atomics.load(cell, CELL.state) === ANSWERED && cell[CELL.optimal] === 1,
    finish: (graceMs: number): HelperAnswer | null => {
      Atomics.store(cell, CELL.stop, 1);
      if (Atomics.load(cell, CELL.state) === RUNNING && graceMs > 0) Atomics.wait(cell, CELL.state, RUNNING, graceMs);
      const answered = Atomics.load(cell, CELL.state) === ANSWERED;
      if (!answered) {
        // Whatever it still does (starting up, or past the grace) is of no use any more.
        void worker.terminate();
        return null;
      }
      return {
        slots: cell.slice(CELL.slots),
        breaks: cell[CELL.breaks],
        feasible: cell[CELL.feasible] === 1,
        optimal: cell[CELL.optimal] === 1,
        lowerBound: cell[CELL.lowerBound],
      };
    },
  };
}
