// The scheduler's helper: a second run of the core on a worker thread, with other settings
// (helperOptions), beside the caller's run. Both share a deadline; the caller keeps the better
// schedule and stops the helper as soon as either has proven its schedule optimal. Results and
// the stop signal pass through shared memory, so the synchronous core only polls.
// Threads are kept between runs (the module and the solver stay loaded): a run takes an idle one or
// starts one, and gives it back once it has answered.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HelperAnswer, HelperOptions, ScheduleHelper, ScheduleInput } from './core';

/** Int32 cells of the shared buffer; the meetings' slots follow from `slots` on. */
export const CELL = { state: 0, stop: 1, breaks: 2, lowerBound: 3, feasible: 4, optimal: 5, slots: 6 } as const;
/** state: the helper is running, has answered, or failed. */
const RUNNING = 0;
const ANSWERED = 1;

/** One run's data, posted to a helper thread. */
export interface HelperJob {
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

/** Helper threads waiting for a run. */
const idle: Worker[] = [];

function spawnHelperThread(warmUpMs = 0): Worker {
  const ext = extname(__filename);
  // Run from TypeScript sources (tests, benchmarks): the worker needs the same transpiler hook.
  const execArgv = ext === '.ts' ? ['-r', '@swc-node/register'] : undefined;
  const worker = new Worker(join(__dirname, `schedule-helper.worker${ext}`), { execArgv, workerData: { warmUpMs } });
  worker.unref();
  // A thread that ended (an error, or terminated) is never handed a run again.
  worker.once('exit', () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  return worker;
}

/**
 * Starts helper threads until `count` are idle, ahead of the first runs (a process that schedules
 * keeps them); resolves once the new ones have loaded the core and the solver (or failed to). With
 * `warmUpMs`, each first solves a synthetic event for that long (warmUpScheduler), so the first real
 * run starts with compiled code, as later ones do.
 */
export async function prestartScheduleHelpers(count = 1, warmUpMs = 0): Promise<void> {
  const started: Promise<void>[] = [];
  while (idle.length < count) {
    const worker = spawnHelperThread(warmUpMs);
    idle.push(worker);
    started.push(
      new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      }),
    );
  }
  await Promise.all(started);
}

/** Ends the idle helper threads (shutdown, tests); running ones end with their run. */
export async function closeScheduleHelpers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

/** Starts the helper on an idle thread or a new one; a thread that fails to start or run just never answers. */
export function startScheduleHelper(input: ScheduleInput, options: HelperOptions): ScheduleHelper {
  const shared = new SharedArrayBuffer(4 * (CELL.slots + input.meetings.length));
  const cell = new Int32Array(shared);
  const job: HelperJob = { input, options, deadline: Date.now() + options.timeLimitMs, shared };
  const worker = idle.pop() ?? spawnHelperThread();
  const failed = () => {
    Atomics.store(cell, CELL.state, 2);
  };
  worker.once('error', failed);
  worker.postMessage(job);
  return {
    solved: () => Atomics.load(cell, CELL.state) === ANSWERED && cell[CELL.optimal] === 1,
    finish: (graceMs: number): HelperAnswer | null => {
      Atomics.store(cell, CELL.stop, 1);
      if (Atomics.load(cell, CELL.state) === RUNNING && graceMs > 0) Atomics.wait(cell, CELL.state, RUNNING, graceMs);
      const answered = Atomics.load(cell, CELL.state) === ANSWERED;
      worker.off('error', failed);
      if (!answered) {
        // Whatever it still does (starting up, or past the grace) is of no use any more.
        void worker.terminate();
        return null;
      }
      idle.push(worker);
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
