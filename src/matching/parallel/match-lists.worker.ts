// Worker-thread entry of the threaded recompute. Set up once (taxonomy, scoring environment); per
// recompute it rebuilds the pool from its transfer form, builds its own index (the same slots and
// list numbers as the main thread's) and computes the lists of the queries it claims.
import { parentPort, workerData } from 'node:worker_threads';
import { createScoringEnvironment } from '../../scoring/core';
import { loadTaxonomy, type LoadTaxonomyOptions } from '../../taxonomy/core';
import { buildMatchIndex, decodePoolTransfer, type MatchOptions, type PoolTransfer } from '../core';
import { runClaimedQueries, type CompactLists } from './match-lists-thread';

export interface MatchListsWorkerData {
  taxonomy: LoadTaxonomyOptions;
}

export interface MatchListsRequest {
  pool: PoolTransfer;
  /** The context's tie-up is explicit (never left to the environment's default). */
  options: MatchOptions;
  positions: Int32Array;
  counter: Int32Array;
}

export type MatchListsReply = { kind: 'ready' } | { kind: 'lists'; lists: CompactLists; setupMs: number } | { kind: 'failed'; message: string };

const env = createScoringEnvironment({ taxonomy: loadTaxonomy((workerData as MatchListsWorkerData).taxonomy) });
const port = parentPort!;
port.on('message', (req: MatchListsRequest) => {
  try {
    const t0 = performance.now();
    const index = buildMatchIndex(decodePoolTransfer(req.pool, env));
    const setupMs = performance.now() - t0;
    const lists = runClaimedQueries(index, req.options, req.positions, req.counter);
    const reply: MatchListsReply = { kind: 'lists', lists, setupMs };
    port.postMessage(reply, [lists.queries, lists.offsets, lists.candidates, lists.scores].map((a) => a.buffer as ArrayBuffer));
  } catch (e) {
    const reply: MatchListsReply = { kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(reply);
  }
});
const ready: MatchListsReply = { kind: 'ready' };
port.postMessage(ready);
