// Threaded match-list recompute. A MatchThreads pool is started once per process (each worker
// thread loads the taxonomy and scoring environment); per recompute, the calling thread and the
// workers claim chunks of queries from one shared counter, every thread over its own index of the
// same pool (handed over as shared arrays, see pool-transfer.ts). Every list is exact and
// independent of the others, so the result equals computeMatchLists bit for bit, whichever thread
// computed a list. A worker process of the product keeps one pool to use every core of its machine.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScoringProfile } from '../../scoring/core';
import type { LoadTaxonomyOptions } from '../../taxonomy/core';
import { buildMatchIndex, emptyStats, encodePoolTransfer, type MatchEntry, type MatchIndex, type MatchListsResult, type MatchOptions, type MatchStats } from '../core';
import { ClaimedQueries, NEXT_QUERY, QUERIES_DONE, QUERY_CHUNK, type CompactLists } from './match-lists-thread';
import type { MatchListsReply, MatchListsRequest, MatchListsWorkerData } from './match-lists.worker';

export interface ParallelResult extends MatchListsResult {
  /** Per thread (the calling one first): lists computed, and the time a worker took to rebuild the pool and index (ms). */
  perThread: { queries: number; setupMs: number }[];
}

export interface ComputeOptions {
  /**
   * The calling thread's index, if one exists already: used when its slot s holds `profiles[s]`
   * (an index built over the pool in order and never changed since), else a fresh one is built.
   */
  index?: MatchIndex;
  /** Called by the calling thread about every `every` lists (all threads together), with the lists done so far. */
  progress?: { every: number; report(done: number): Promise<void> };
}

function addStats(into: MatchStats, s: MatchStats): void {
  for (const k of Object.keys(into) as (keyof MatchStats)[]) if (k !== 'ms') into[k] += s[k];
}

/** Whether `index` has exactly the slots a fresh index over `profiles` would have. */
function slotsMatch(index: MatchIndex, profiles: readonly ScoringProfile[]): boolean {
  if (index.size !== profiles.length || index.capacity !== profiles.length || index.hasDeadPostings) return false;
  for (let i = 0; i < profiles.length; i++) if (index.profiles[i] !== profiles[i]) return false;
  return true;
}

/** Workers that have ended. */
const exited = new WeakSet<Worker>();

export class MatchThreads {
  /** Computes run one after another: a worker answers one request at a time. */
  private turn: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly spawn: () => Worker,
  ) {}

  /** Starts `threads − 1` worker threads (the calling thread is the first of `threads`). */
  static async start(threads: number, taxonomy: LoadTaxonomyOptions = {}): Promise<MatchThreads> {
    const ext = extname(__filename);
    // Run from TypeScript sources (tests, benchmarks): the worker needs the same transpiler hook.
    const execArgv = ext === '.ts' ? ['-r', '@swc-node/register'] : undefined;
    const workerData: MatchListsWorkerData = { taxonomy };
    const spawn = () => new Worker(join(__dirname, `match-lists.worker${ext}`), { workerData, execArgv });
    const workers = Array.from({ length: Math.max(0, threads - 1) }, spawn);
    try {
      await Promise.all(workers.map((w) => MatchThreads.ready(w)));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new MatchThreads(workers, spawn);
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /** Exact top-k lists of `queryIds` over `profiles` (one pool, one environment). */
  compute(profiles: readonly ScoringProfile[], queryIds: Iterable<string>, options: MatchOptions, opts: ComputeOptions = {}): Promise<ParallelResult> {
    const result = this.turn.then(() => this.computeNow(profiles, queryIds, options, opts));
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async computeNow(profiles: readonly ScoringProfile[], queryIds: Iterable<string>, options: MatchOptions, opts: ComputeOptions): Promise<ParallelResult> {
    if (this.closed) throw new Error('The match-list threads are closed');
    const t0 = performance.now();
    const position = new Map(profiles.map((p, i) => [p.id, i]));
    const positions = Int32Array.from([...queryIds].filter((id) => position.has(id)), (id) => position.get(id)!);
    const counter = new Int32Array(new SharedArrayBuffer(8));
    let pending: Promise<MatchListsReply>[] = [];
    // A single chunk is done by the calling thread before a worker could have built its index.
    if (this.workers.length > 0 && positions.length > QUERY_CHUNK) {
      await this.replaceExited();
      // Workers have their own environment: the tie-up must not be left to an environment default.
      const ctx = options.ctx.tieUp === undefined ? { ...options.ctx, tieUp: profiles[0].env.tieUp } : options.ctx;
      const req: MatchListsRequest = { pool: encodePoolTransfer(profiles), options: { ...options, ctx }, positions, counter };
      pending = this.workers.map((w) => {
        const reply = MatchThreads.reply(w);
        w.postMessage(req);
        return reply;
      });
    }
    // The calling thread works too; workers join as soon as their index is built.
    let own: CompactLists;
    try {
      own = await this.runHere(profiles, options, positions, counter, opts);
    } catch (e) {
      // Stop the workers at their next claim and let them answer, so no stale reply meets the next request.
      Atomics.store(counter, NEXT_QUERY, positions.length);
      await Promise.allSettled(pending);
      throw e;
    }
    const replies: { lists: CompactLists; setupMs: number }[] = [{ lists: own, setupMs: 0 }];
    // Every reply is awaited (even after a failure) so no worker is still busy with this request.
    for (const r of await Promise.allSettled(pending)) {
      if (r.status === 'rejected') throw r.reason;
      if (r.value.kind !== 'lists') throw new Error(`match-list worker failed: ${r.value.kind === 'failed' ? r.value.message : r.value.kind}`);
      replies.push(r.value);
    }
    if (opts.progress) await opts.progress.report(positions.length);
    const byPosition = new Map<number, MatchEntry[]>();
    const stats = emptyStats();
    for (const { lists: l } of replies) {
      addStats(stats, l.stats);
      for (let q = 0; q < l.queries.length; q++) {
        const entries: MatchEntry[] = [];
        for (let j = l.offsets[q]; j < l.offsets[q + 1]; j++) entries.push({ candidateId: profiles[l.candidates[j]].id, score: l.scores[j] });
        byPosition.set(l.queries[q], entries);
      }
    }
    // In query order, as computeMatchLists gives them (callers write rows, and so take locks, in this order).
    const lists = new Map<string, MatchEntry[]>();
    for (const p of positions) lists.set(profiles[p].id, byPosition.get(p)!);
    stats.ms = performance.now() - t0;
    return { lists, stats, perThread: replies.map((r) => ({ queries: r.lists.queries.length, setupMs: Math.round(r.setupMs) })) };
  }

  /** The calling thread's share: claims chunks until none are left, reporting progress between slices. */
  private async runHere(profiles: readonly ScoringProfile[], options: MatchOptions, positions: Int32Array, counter: Int32Array, opts: ComputeOptions): Promise<CompactLists> {
    const index = opts.index && slotsMatch(opts.index, profiles) ? opts.index : buildMatchIndex(profiles);
    const claimed = new ClaimedQueries(index, options, positions, counter);
    const { progress } = opts;
    if (!progress) {
      claimed.run();
      return claimed.lists();
    }
    // The calling thread does its share of every `every` lists between two reports.
    const slice = Math.max(1, Math.ceil(progress.every / this.threads));
    let reported = 0;
    while (claimed.run(slice)) {
      const done = Atomics.load(counter, QUERIES_DONE);
      if (done - reported >= progress.every) await progress.report((reported = done));
    }
    return claimed.lists();
  }

  /** Ends the worker threads once the compute under way (if any) is done; later computes are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.turn;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** A worker that ended (out of memory, killed) is replaced, so one failure does not stop every later recompute. */
  private async replaceExited(): Promise<void> {
    for (let i = 0; i < this.workers.length; i++) {
      if (!exited.has(this.workers[i])) continue;
      const w = this.spawn();
      await MatchThreads.ready(w);
      this.workers[i] = w;
    }
  }

  private static async ready(w: Worker): Promise<void> {
    w.once('exit', () => exited.add(w));
    const r = await MatchThreads.reply(w);
    if (r.kind !== 'ready') throw new Error(`match-list worker failed to start: ${r.kind === 'failed' ? r.message : r.kind}`);
  }

  /** The worker's next message; rejects if it fails or ends first (a request would otherwise wait forever). */
  private static reply(w: Worker): Promise<MatchListsReply> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => done(() => reject(e));
      const onExit = (code: number) => done(() => reject(new Error(`match-list worker ended (exit code ${code})`)));
      const onMessage = (m: MatchListsReply) => done(() => resolve(m));
      const done = (settle: () => void) => {
        w.off('error', onError).off('exit', onExit).off('message', onMessage);
        settle();
      };
      if (exited.has(w)) return onExit(-1);
      w.on('error', onError).on('exit', onExit).on('message', onMessage);
    });
  }
}
