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
import { buildMatchIndex, emptyStats, encodePoolTransfer, type MatchEntry, type MatchListsResult, type MatchOptions, type MatchStats } from '../core';
import { runClaimedQueries, type CompactLists } from './match-lists-thread';
import type { MatchListsReply, MatchListsRequest, MatchListsWorkerData } from './match-lists.worker';

export interface ParallelResult extends MatchListsResult {
  /** Per thread (the calling one first): lists computed, and the time a worker took to rebuild the pool and index (ms). */
  perThread: { queries: number; setupMs: number }[];
}

function addStats(into: MatchStats, s: MatchStats): void {
  for (const k of Object.keys(into) as (keyof MatchStats)[]) if (k !== 'ms') into[k] += s[k];
}

export class MatchThreads {
  private constructor(private readonly workers: Worker[]) {}

  /** Starts `threads − 1` worker threads (the calling thread is the first of `threads`). */
  static async start(threads: number, taxonomy: LoadTaxonomyOptions = {}): Promise<MatchThreads> {
    const ext = extname(__filename);
    // Run from TypeScript sources (tests, benchmarks): the worker needs the same transpiler hook.
    const execArgv = ext === '.ts' ? ['-r', '@swc-node/register'] : undefined;
    const workerData: MatchListsWorkerData = { taxonomy };
    const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(join(__dirname, `match-lists.worker${ext}`), { workerData, execArgv }));
    await Promise.all(workers.map((w) => MatchThreads.reply(w)));
    return new MatchThreads(workers);
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /** Exact top-k lists of `queryIds` over `profiles` (one pool, one environment). */
  async compute(profiles: readonly ScoringProfile[], queryIds: Iterable<string>, options: MatchOptions): Promise<ParallelResult> {
    const t0 = performance.now();
    const position = new Map(profiles.map((p, i) => [p.id, i]));
    const positions = Int32Array.from([...queryIds].filter((id) => position.has(id)), (id) => position.get(id)!);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    let pending: Promise<MatchListsReply>[] = [];
    if (this.workers.length > 0 && profiles.length > 0) {
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
    const own = runClaimedQueries(buildMatchIndex(profiles), options, positions, counter);
    const replies: { lists: CompactLists; setupMs: number }[] = [{ lists: own, setupMs: 0 }];
    for (const r of await Promise.all(pending)) {
      if (r.kind !== 'lists') throw new Error(`match-list worker failed: ${r.kind === 'failed' ? r.message : r.kind}`);
      replies.push(r);
    }
    const lists = new Map<string, MatchEntry[]>();
    const stats = emptyStats();
    for (const { lists: l } of replies) {
      addStats(stats, l.stats);
      for (let q = 0; q < l.queries.length; q++) {
        const entries: MatchEntry[] = [];
        for (let j = l.offsets[q]; j < l.offsets[q + 1]; j++) entries.push({ candidateId: profiles[l.candidates[j]].id, score: l.scores[j] });
        lists.set(profiles[l.queries[q]].id, entries);
      }
    }
    stats.ms = performance.now() - t0;
    return { lists, stats, perThread: replies.map((r) => ({ queries: r.lists.queries.length, setupMs: Math.round(r.setupMs) })) };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private static reply(w: Worker): Promise<MatchListsReply> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      w.once('error', onError);
      w.once('message', (m: MatchListsReply) => {
        w.off('error', onError);
        resolve(m);
      });
    });
  }
}
