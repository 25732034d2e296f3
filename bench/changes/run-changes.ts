// Product benchmark of full and change runs: N synthetic profiles imported into a scratch database (a
// fresh database on DATABASE_URL's server, else embedded), one event with all of them, a full run
// through the queue, a few list reads (suggestions with their reasons, built on reading), then --edits
// profile edits through the profiles service, each applied by the change run it starts (on the lists
// the process keeps in memory: the full run, whose shards all run here, hands them over; a change run
// keeps its own), then one edit in a second application context on the same database, as another
// worker process (or one restarted) would see it: nothing in memory, the pool and the lists loaded
// (`cold_change_ms`). --shard-size splits the full run into shards (default: one). Prints one JSON
// line; run times are match_runs.duration_ms (from the run's start to its commit; the edit debounce
// comes before it).
// Usage: npm run bench:changes -- [--profiles 10000] [--edits 10] [--threads 1] [--shard-size N] [--seed 1]
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createWorkerContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/infra/config/app-config';
import type { InlineQueueDriver } from '../../src/infra/queue/drivers/inline-queue.driver';
import { QUEUE_DRIVER } from '../../src/infra/queue/queue-driver';
import { createRandom, generateSyntheticInputs } from '../../src/matching/core';
import { MatchingService } from '../../src/matching/matching.service';
import { SuggestionsService } from '../../src/matching/suggestions.service';
import { ProfileImportService } from '../../src/profiles/profile-import.service';
import { ProfilesService } from '../../src/profiles/profiles.service';
import { TaxonomyService } from '../../src/taxonomy/taxonomy.service';
import { scratchDatabase } from '../support/scratch-database';

interface Args {
  profiles: number;
  edits: number;
  threads: number;
  /** Participants per full-run shard (default: every participant in one shard). */
  shardSize: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { profiles: 10_000, edits: 10, threads: 1, shardSize: 0, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const v = () => Number(argv[++i]);
    if (argv[i] === '--profiles') a.profiles = v();
    else if (argv[i] === '--edits') a.edits = Math.max(1, v());
    else if (argv[i] === '--threads') a.threads = Math.max(1, v());
    else if (argv[i] === '--shard-size') a.shardSize = Math.max(1, v());
    else if (argv[i] === '--seed') a.seed = v();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ADMIN = { keyId: 'bench', name: 'bench', role: 'admin' as const, organisationId: null };

interface RunRow {
  kind: string;
  status: string;
  duration_ms: number;
  participants: number;
  pairs_scored: string;
  generation: string;
  trigger: string;
}

async function settle(app: INestApplicationContext, db: DataSource, eventId: string): Promise<RunRow> {
  await app.get<InlineQueueDriver>(QUEUE_DRIVER).whenIdle();
  const [run] = await db.query<RunRow[]>('SELECT kind, status, duration_ms, participants, pairs_scored::text, generation::text, trigger FROM match_runs WHERE event_id = $1 ORDER BY created_at DESC LIMIT 1', [eventId]);
  if (run.status !== 'completed') throw new Error(`run ${run.kind} ${run.status}`);
  return run;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scratch = await scratchDatabase('bench_changes');
  const shardSize = args.shardSize > 0 ? args.shardSize : Math.max(args.profiles, 10);
  const config = loadConfig({ DATABASE_URL: scratch.url, LOG_LEVEL: 'warn', SEED_DEMO: 'false', MATCHING_THREADS: String(args.threads), MATCHING_SHARD_SIZE: String(shardSize) });
  const context = () => createWorkerContext({ ...config, log: { level: 'warn', toStderr: true } }, 'cli');
  const app = await context();
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const sectors = app.get(TaxonomyService).taxonomy.focusSectors();
    const synthetic = generateSyntheticInputs(args.profiles, sectors, { seed: args.seed, prefix: 'p' });
    let t = performance.now();
    const records = synthetic.map((p, i) => ({
      line: i + 1,
      value: { externalId: p.id, name: p.name, kind: 'company', country: p.country, region: p.region, sectors: p.sectors, offers: p.offers, seeks: p.seeks, cooperation: p.cooperation, languages: p.languages, description: p.description },
    }));
    const imported = await app.get(ProfileImportService).importRecords(records);
    const importMs = performance.now() - t;
    const [{ id: eventId }] = await db.query<{ id: string }[]>(`INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ('bench', 'bench', 'UTC', '2026-12-01', '2026-12-01') RETURNING id`);
    await db.query('INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations', [eventId]);

    const matching = app.get(MatchingService);
    t = performance.now();
    await matching.requestRecompute(eventId, 'bench: full run');
    const full = await settle(app, db, eventId);
    const fullWallMs = performance.now() - t;

    // Reading a list builds its reasons (the first read of the event also loads the lists' idf).
    const reads: number[] = [];
    const suggestionsService = app.get(SuggestionsService);
    for (let r = 0; r < 11; r++) {
      const started = performance.now();
      const res = await suggestionsService.suggestions(ADMIN, 'bench', imported.organisationIds[(r * 7919) % imported.organisationIds.length]);
      reads.push(performance.now() - started);
      if (res.suggestions.length === 0 || res.suggestions[0].reasons.length === 0) throw new Error('a list without reasons');
    }

    // Each edit gives a profile the offers, seeks and description of a new synthetic profile of its country.
    const replacements = generateSyntheticInputs(args.edits * 4, sectors, { seed: args.seed + 1000, prefix: 'r' });
    const random = createRandom(args.seed + 7);
    const edit = async (on: INestApplicationContext, e: number) => {
      const i = Math.floor(random() * synthetic.length);
      const r = replacements.find((x, j) => j >= e && x.country === synthetic[i].country) ?? replacements[e];
      await on.get(ProfilesService).update(ADMIN, imported.organisationIds[i], { offers: [...r.offers], seeks: [...r.seeks], description: r.description ?? undefined });
      const run = await settle(on, db, eventId);
      const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*)::text AS n FROM match_lists WHERE event_id = $1 AND generation = $2', [eventId, run.generation]);
      return { ms: run.duration_ms, written: Number(n), pairs: Number(run.pairs_scored), kind: run.kind };
    };
    const changes: { ms: number; written: number; pairs: number; kind: string }[] = [];
    for (let e = 0; e < args.edits; e++) changes.push(await edit(app, e));
    const warm = changes.slice(1);
    // Another process: its own application context, nothing of the event in memory.
    const other = await context();
    let cold: Awaited<ReturnType<typeof edit>>;
    try {
      cold = await edit(other, args.edits);
    } finally {
      await other.close();
    }
    process.stdout.write(
      JSON.stringify({
        profiles: args.profiles,
        database: scratch.embedded ? 'embedded' : 'postgresql',
        threads: args.threads,
        full_run_shards: Math.ceil(args.profiles / shardSize),
        import_ms: Math.round(importMs),
        full_run_ms: full.duration_ms,
        full_run_wall_ms: Math.round(fullWallMs),
        full_run_pairs_scored: Number(full.pairs_scored),
        first_list_read_ms: Math.round(reads[0]),
        list_read_ms_median: Math.round(median(reads.slice(1))),
        edits: args.edits,
        change_kinds: [...new Set(changes.map((c) => c.kind))],
        first_change_ms: changes[0].ms,
        first_change_lists_written: changes[0].written,
        change_ms_median: warm.length > 0 ? median(warm.map((c) => c.ms)) : null,
        change_ms_max: warm.length > 0 ? Math.max(...warm.map((c) => c.ms)) : null,
        lists_written_median: warm.length > 0 ? median(warm.map((c) => c.written)) : null,
        pairs_scored_median: warm.length > 0 ? median(warm.map((c) => c.pairs)) : null,
        cold_change_kind: cold.kind,
        cold_change_ms: cold.ms,
        cold_change_lists_written: cold.written,
      }) + '\n',
    );
  } finally {
    await app.close();
    await scratch.drop();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
