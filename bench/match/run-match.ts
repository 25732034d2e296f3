// Match-list benchmark: synthetic DE/JP pool → prepare → exact top-k for every participant
// (in-process on T threads, or sharded over W worker processes) → one incremental change. Prints one JSON line.
// Usage: npm run bench:match -- --profiles N [--threads T] [--workers W] [--k 20] [--seed S] [--verify] [--brute-force-check M] [--reserve R]
// `ms` is the recompute from prepared profiles (what a run does after loading the stored per-profile
// vectors): index build, candidate blocks, search and list selection, plus handing the pool to the
// other threads (--threads) or restoring it from the stored pool file in each worker process (--workers).
// Text analysis (preparing the profiles) is timed separately as prepare_ms.
// --threads T: the in-process recompute uses T threads (the calling one and T − 1 worker threads,
// started once before the timing, as a product worker process keeps them; start time: threads_start_ms).
// --sample-queries M: compute only every (N/M)-th participant's list (pools too large to time in
// full on a shared machine); prints ms per query and the extrapolated full time; no change phase.
// --reserve R: the recompute keeps R ranks after k per list (timed as part of it), so one change can
// promote a reserve entry instead of recomputing a list the changed profile drops out of.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyseProfile,
  createScoringEnvironment,
  DEFAULT_WEIGHTS,
  documentVector,
  finaliseProfile,
  prepareProfile,
  type AnalysedProfile,
  type ScoringContext,
  type ScoringEnvironment,
  type ScoringInput,
  type ScoringProfile,
} from '../../src/scoring/core';
import { loadTaxonomy } from '../../src/taxonomy/core';
import { IdfTable } from '../../src/text';
import {
  applyChange,
  bruteForceList,
  buildMatchIndex,
  computeMatchLists,
  createRandom,
  emptyStats,
  generateSyntheticInputs,
  lowBarFor,
  MatchListStore,
  matchingOrder,
  restorePool,
  serialisePool,
  type MatchEntry,
  type MatchOptions,
  type MatchStats,
  type SerialisedPool,
} from '../../src/matching/core';
import { MatchThreads } from '../../src/matching/parallel/parallel-match-lists';

interface Args {
  profiles: number;
  workers: number;
  k: number;
  seed: number;
  verify: boolean;
  bruteForce: number;
  changes: number;
  reserve: number;
  sample: number;
  threads: number;
}

/** Event context of the benchmark: cross-country, required, a tie-up with focus sectors. */
const CTX: ScoringContext = { rule: 'cross-country', mode: 'required', tieUp: { name: 'Bench tie-up', focusSectors: ['optics-photonics', 'medical-technology', 'hydrogen', 'automotive'] } };

function parseArgs(argv: string[]): Args {
  const a: Args = { profiles: 1000, workers: 1, k: 20, seed: 1, verify: false, bruteForce: 0, changes: 25, reserve: 0, sample: 0, threads: 1 };
  for (let i = 0; i < argv.length; i++) {
    const v = () => Number(argv[++i]);
    if (argv[i] === '--profiles') a.profiles = v();
    else if (argv[i] === '--workers') a.workers = Math.max(1, v());
    else if (argv[i] === '--k') a.k = v();
    else if (argv[i] === '--seed') a.seed = v();
    else if (argv[i] === '--verify') a.verify = true;
    else if (argv[i] === '--brute-force-check') a.bruteForce = v();
    else if (argv[i] === '--changes') a.changes = v();
    else if (argv[i] === '--reserve') a.reserve = v();
    else if (argv[i] === '--sample-queries') a.sample = v();
    else if (argv[i] === '--threads') a.threads = Math.max(1, v());
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

// ---- worker side -------------------------------------------------------------------------------

type Request = { kind: 'analyse'; inputs: ScoringInput[] } | { kind: 'match'; poolFile: string; shard: number; shards: number; k: number; every: number };

function environment(): ScoringEnvironment {
  return createScoringEnvironment({ taxonomy: loadTaxonomy() });
}

function runChild(): void {
  process.on('message', (req: Request) => {
    if (req.kind === 'analyse') {
      const env = environment();
      process.send!({ analysed: req.inputs.map((x) => analyseProfile(x, env)), rss: rssMb() });
      return;
    }
    let t = performance.now();
    const pool = JSON.parse(readFileSync(req.poolFile, 'utf8')) as SerialisedPool;
    const { profiles } = restorePool(pool, environment());
    const restoreMs = performance.now() - t;
    t = performance.now();
    // As the product's pool load: the pool in matching order, the index over it.
    const ordered = matchingOrder(profiles);
    const index = buildMatchIndex(ordered);
    const indexMs = performance.now() - t;
    // Shards interleave the pool as generated (the product: by id); each computes in matching order.
    const ids = inPoolOrder(ordered, profiles.map((p) => p.id).filter((_, i) => i % req.every === 0 && (i / req.every) % req.shards === req.shard));
    const { lists, stats } = computeMatchLists(index, ids, options(req.k));
    const cpu = process.cpuUsage();
    const slotOf = new Map(profiles.map((p, i) => [p.id, i]));
    // Compact transfer: candidate positions in pool order and scores.
    const out = [...lists].map(([q, l]) => [slotOf.get(q)!, Int32Array.from(l, (e) => slotOf.get(e.candidateId)!), Float64Array.from(l, (e) => e.score)] as const);
    process.send!({ lists: out, stats, restoreMs, indexMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), rss: rssMb() });
  });
}

// ---- main side ---------------------------------------------------------------------------------

function options(k: number): MatchOptions {
  return { k, weights: DEFAULT_WEIGHTS, ctx: CTX };
}

function spawn(): ChildProcess {
  return fork(__filename, ['--child'], { execArgv: ['-r', '@swc-node/register'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function ask<T>(child: ChildProcess, req: Request): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('error', reject);
    child.send(req);
  });
}

async function prepare(inputs: ScoringInput[], workers: number, env0: ScoringEnvironment): Promise<{ env: ScoringEnvironment; profiles: ScoringProfile[]; workerRss: number }> {
  let analysed: AnalysedProfile[];
  let workerRss = 0;
  if (workers <= 1) analysed = inputs.map((x) => analyseProfile(x, env0));
  else {
    // Text analysis in parallel; idf and finalising stay in order here, so ids match a sequential run.
    const chunk = Math.ceil(inputs.length / workers);
    const children = Array.from({ length: workers }, spawn);
    const parts = await Promise.all(children.map((c, w) => ask<{ analysed: AnalysedProfile[]; rss: number }>(c, { kind: 'analyse', inputs: inputs.slice(w * chunk, (w + 1) * chunk) })));
    for (const c of children) c.kill();
    analysed = parts.flatMap((p) => p.analysed);
    workerRss = Math.max(...parts.map((p) => p.rss));
  }
  const env = env0.withIdf(IdfTable.fromVectors(analysed.map(documentVector)));
  return { env, profiles: analysed.map((a) => finaliseProfile(a, env)), workerRss };
}

/** Work counters of the search (compare runs on a loaded machine by these, not by wall time). */
function searchCounters(s: MatchStats): Record<string, number> {
  return {
    forward_directions: s.forwardOnly,
    refined: s.refined,
    candidates: s.candidatesConsidered,
    postings_read: s.postingsRead,
    blocks_bounded: s.blocksBounded,
    blocks_expanded: s.blocksExpanded,
    blocks_refined: s.blocksRefined,
    reruns: s.extraRounds,
  };
}

/** The query ids in the pool's order (the product computes a shard's lists in matching order). */
function inPoolOrder(pool: readonly ScoringProfile[], queryIds: readonly string[]): string[] {
  const wanted = new Set(queryIds);
  return pool.map((p) => p.id).filter((id) => wanted.has(id));
}

function checksum(lists: Map<string, MatchEntry[]>): string {
  const h = createHash('sha256');
  for (const q of [...lists.keys()].sort()) h.update(`${q}:${lists.get(q)!.map((e) => `${e.candidateId}@${e.score}`).join(',')}\n`);
  return h.digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const taxonomy = loadTaxonomy();
  const env0 = createScoringEnvironment({ taxonomy });
  const inputs = generateSyntheticInputs(args.profiles, taxonomy.focusSectors(), { seed: args.seed });
  let t = performance.now();
  const { env, profiles, workerRss } = await prepare(inputs, args.workers, env0);
  const prepareMs = performance.now() - t;
  const opts = options(args.k);
  // Lists are computed with the reserve; the first k ranks are the lists (checked and hashed).
  const deep = args.k + args.reserve;
  const ids = profiles.map((p) => p.id);
  const every = args.sample > 0 ? Math.max(1, Math.floor(ids.length / args.sample)) : 1;
  const queryIds = ids.filter((_, i) => i % every === 0);
  const extra: Record<string, unknown> = {};
  let lists: Map<string, MatchEntry[]>;
  let ms: number;
  let pairsScored: number;
  let listsMs = 0;
  let peakWorkerRss = workerRss;
  if (args.workers <= 1 && args.threads > 1) {
    t = performance.now();
    const threads = await MatchThreads.start(args.threads);
    extra.threads = args.threads;
    extra.threads_start_ms = Math.round(performance.now() - t);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const pool = matchingOrder(profiles);
    const r = await threads.compute(pool, inPoolOrder(pool, queryIds), options(deep));
    ms = performance.now() - t;
    // Process CPU time: every thread's.
    const cpu = process.cpuUsage(cpu0);
    await threads.close();
    extra.cpu_ms = Math.round((cpu.user + cpu.system) / 1000);
    extra.thread_queries = r.perThread.map((x) => x.queries);
    extra.worker_thread_setup_ms = r.perThread.slice(1).map((x) => x.setupMs);
    listsMs = r.stats.ms;
    lists = r.lists;
    pairsScored = r.stats.pairsScored;
    Object.assign(extra, searchCounters(r.stats));
  } else if (args.workers <= 1) {
    t = performance.now();
    // CPU time as well: on a shared, loaded machine wall time overstates the engine's cost.
    const cpu0 = process.cpuUsage();
    const pool = matchingOrder(profiles);
    const index = buildMatchIndex(pool);
    extra.index_ms = Math.round(performance.now() - t);
    const r = computeMatchLists(index, inPoolOrder(pool, queryIds), options(deep));
    ms = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    extra.cpu_ms = Math.round((cpu.user + cpu.system) / 1000);
    listsMs = r.stats.ms;
    lists = r.lists;
    pairsScored = r.stats.pairsScored;
    Object.assign(extra, searchCounters(r.stats));
  } else {
    t = performance.now();
    const dir = mkdtempSync(join(tmpdir(), 'bench-match-'));
    const poolFile = join(dir, 'pool.json');
    writeFileSync(poolFile, JSON.stringify(serialisePool(profiles)));
    extra.store_ms = Math.round(performance.now() - t);
    t = performance.now();
    const children = Array.from({ length: args.workers }, spawn);
    type Reply = { lists: [number, Int32Array, Float64Array][]; stats: MatchStats; restoreMs: number; indexMs: number; cpuMs: number; rss: number };
    const replies = await Promise.all(children.map((c, w) => ask<Reply>(c, { kind: 'match', poolFile, shard: w, shards: args.workers, k: deep, every })));
    ms = performance.now() - t;
    for (const c of children) c.kill();
    rmSync(dir, { recursive: true, force: true });
    lists = new Map();
    for (const r of replies) for (const [q, cs, ss] of r.lists) lists.set(ids[q], Array.from(cs, (c, i) => ({ candidateId: ids[c], score: ss[i] })));
    pairsScored = replies.reduce((s, r) => s + r.stats.pairsScored, 0);
    const total = emptyStats();
    for (const r of replies) for (const key of Object.keys(total) as (keyof MatchStats)[]) total[key] += r.stats[key];
    Object.assign(extra, searchCounters(total));
    extra.worker_restore_ms = replies.map((r) => Math.round(r.restoreMs));
    extra.worker_index_ms = replies.map((r) => Math.round(r.indexMs));
    extra.worker_lists_ms = replies.map((r) => Math.round(r.stats.ms));
    extra.worker_cpu_ms = replies.map((r) => r.cpuMs);
    peakWorkerRss = Math.max(peakWorkerRss, ...replies.map((r) => r.rss));
    listsMs = Math.max(...replies.map((r) => r.stats.ms));
  }
  const ranked = lists;
  lists = new Map([...ranked].map(([q, l]) => [q, l.slice(0, args.k)]));
  extra.checksum = checksum(lists);
  if (args.verify) {
    // Reference: one in-process run over all queries, in the pool's generated order (the lists must not
    // depend on the order), restored like the workers when sharded.
    const ref = args.workers <= 1 ? profiles : restorePool(JSON.parse(JSON.stringify(serialisePool(profiles))) as SerialisedPool, environment()).profiles;
    const one = computeMatchLists(buildMatchIndex(ref), queryIds, opts).lists;
    extra.verify = checksum(one) === extra.checksum ? 'ok' : 'MISMATCH';
  }
  const rnd = createRandom(args.seed * 7919 + 1);
  if (args.bruteForce > 0) {
    let bad = 0;
    for (let i = 0; i < args.bruteForce; i++) {
      const q = profiles[Math.floor(rnd() * queryIds.length) * every];
      if (JSON.stringify(bruteForceList(q, profiles, opts)) !== JSON.stringify(lists.get(q.id))) bad++;
    }
    extra.brute_force_checked = args.bruteForce;
    extra.brute_force_mismatches = bad;
  }
  // Incremental: replace random profiles by new content (prepared with the run's frozen idf; the
  // text analysis is not part of the timing), then index update + own list + affected lists.
  const index = buildMatchIndex(matchingOrder(profiles));
  const store = new MatchListStore(args.k, lowBarFor(opts), args.reserve);
  for (const [q, l] of ranked) store.setRanked(q, l);
  // A sample has no full store: the change phase needs every list.
  const changes = args.sample > 0 ? 0 : args.changes;
  const fresh = generateSyntheticInputs(changes, taxonomy.focusSectors(), { seed: args.seed + 1000, prefix: 'x' });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const touched: number[] = [];
  for (let i = 0; i < changes; i++) {
    const id = ids[Math.floor(rnd() * ids.length)];
    const changed = prepareProfile({ ...fresh[i], id }, env);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const r = applyChange(index, store, opts, id, changed);
    times.push(performance.now() - t1);
    const c2 = process.cpuUsage(c1);
    cpuTimes.push((c2.user + c2.system) / 1000);
    touched.push(r.changed.length);
  }
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  const result = {
    profiles: args.profiles,
    workers: args.workers,
    k: args.k,
    reserve: args.reserve,
    ms: Math.round(ms),
    ms_covers: 'recompute from prepared profiles: index build, candidate blocks, search, list selection (+ pool hand-over to threads or worker processes)',
    // Extrapolation: the fixed part (restore, index) once, the list part scaled to every participant.
    ...(args.sample > 0 ? { sampled_queries: queryIds.length, extrapolated_full_ms: Math.round(ms + listsMs * (every - 1)) } : {}),
    prepare_ms: Math.round(prepareMs),
    pairs_scored: pairsScored,
    peak_rss_mb: Math.max(rssMb(), peakWorkerRss),
    one_change_ms: Math.round(times[Math.floor(times.length / 2)] * 100) / 100,
    one_change_cpu_ms: Math.round(cpuTimes[Math.floor(cpuTimes.length / 2)] * 100) / 100,
    one_change_max_ms: Math.round(times[times.length - 1] * 100) / 100,
    lists_changed_per_change: Math.round((touched.reduce((s, x) => s + x, 0) / Math.max(1, touched.length)) * 10) / 10,
    main_rss_mb: rssMb(),
    ...extra,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (process.argv.includes('--child')) runChild();
else
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
