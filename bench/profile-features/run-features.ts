// Stored profile analyses benchmark: N synthetic profiles in a scratch database (a fresh database on
// DATABASE_URL's server, else in-memory embedded PGlite) with their analyses in profile_features, then
// what an event-pool load does (participants query, stored analyses read and decoded, pool step) against
// preparing the same pool from scratch. Prints one JSON line (medians over --runs).
// Usage: npm run bench:features -- [--profiles 10000] [--runs 3] [--seed 1]
import { DataSource } from 'typeorm';
import { generateSyntheticInputs } from '../../src/matching/core';
import { ProfileAnalysisService, type PoolMember } from '../../src/profiles/features/profile-analysis.service';
import { ProfileFeaturesRepository } from '../../src/profiles/features/profile-features.repository';
import type { ScoringEngine } from '../../src/scoring/scoring-engine.service';
import {
  analyseProfile,
  createScoringEnvironment,
  encodeAnalysis,
  poolFromAnalyses,
  preparePool,
  type ScoringInput,
} from '../../src/scoring/core';
import { dataSourceOptions } from '../../src/infra/database/database-options';
import { runMigrationsLocked } from '../../src/infra/database/run-migrations';
import { loadTaxonomy } from '../../src/taxonomy/core';
import { scratchDatabase } from '../support/scratch-database';

interface Args {
  profiles: number;
  runs: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { profiles: 10_000, runs: 3, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const v = () => Number(argv[++i]);
    if (argv[i] === '--profiles') a.profiles = v();
    else if (argv[i] === '--runs') a.runs = Math.max(1, v());
    else if (argv[i] === '--seed') a.seed = v();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

/** Organisations (ids replace the synthetic ones), one event with all of them as participants. */
async function seed(ds: DataSource, inputs: ScoringInput[]): Promise<{ eventId: string; ids: string[] }> {
  const regions = new Map<string, string>();
  for (const key of new Set(inputs.map((p) => `${p.country}|${p.region}`))) {
    const [country, name] = key.split('|');
    const [{ id }] = await ds.query(`INSERT INTO regions (country, name, time_zone) VALUES ($1, $2, 'UTC') RETURNING id`, [country, name]);
    regions.set(key, id as string);
  }
  for (let i = 0; i < inputs.length; i += 1000) {
    const batch = inputs.slice(i, i + 1000).map((p) => ({ ...p, region_id: regions.get(`${p.country}|${p.region}`) }));
    await ds.query(
      `INSERT INTO organisations (external_id, name, kind, country, region_id, sectors, offers, seeks, cooperation, languages, description, version)
       SELECT x.id, x.name, 'company', x.country, x.region_id, x.sectors, x.offers, x.seeks, x.cooperation, x.languages, x.description, 1
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, country text, region_id uuid, sectors text[], offers text[], seeks text[], cooperation text[], languages text[], description text)`,
      [JSON.stringify(batch)],
    );
  }
  const byExternal = new Map((await ds.query('SELECT id, external_id FROM organisations')).map((r: { id: string; external_id: string }) => [r.external_id, r.id]));
  const ids = inputs.map((p) => byExternal.get(p.id) as string);
  const [{ id: eventId }] = await ds.query(`INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ('bench', 'bench', 'UTC', '2026-12-01', '2026-12-01') RETURNING id`);
  await ds.query('INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations', [eventId]);
  return { eventId: eventId as string, ids };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const taxonomy = loadTaxonomy();
  const env0 = createScoringEnvironment({ taxonomy });
  const freshEnv = () => createScoringEnvironment({ taxonomy, analyser: env0.analyser });
  const synthetic = generateSyntheticInputs(args.profiles, taxonomy.focusSectors(), { seed: args.seed, prefix: 'p' });

  const db = await scratchDatabase('bench_features');
  const ds = await new DataSource(dataSourceOptions(db.url, db.embedded)).initialize();
  try {
    await runMigrationsLocked(ds);
    const { eventId, ids } = await seed(ds, synthetic);
    // Pools are ordered by organisation id, as EventPoolService orders them.
    const inputs = synthetic.map((p, i) => ({ ...p, id: ids[i] })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    let t = now();
    const analysed = inputs.map((p) => analyseProfile(p, env0));
    const analyseMs = now() - t;
    const repo = new ProfileFeaturesRepository(ds);
    // The service EventPoolService calls, over the scratch database.
    const service = new ProfileAnalysisService({ analyser: env0.analyser } as ScoringEngine, { taxonomy }, repo);
    const encoded = analysed.map(encodeAnalysis);
    t = now();
    await service.store(encoded.map((analysis, i) => ({ organisationId: inputs[i].id, version: 1, analysis })));
    const storeMs = now() - t;
    const jsonBytes = encoded.reduce((s, a) => s + JSON.stringify(a).length, 0);
    const [{ size }] = await ds.query(`SELECT pg_total_relation_size('profile_features') AS size`);

    const scratch: number[] = [];
    const participants: number[] = [];
    const stored: number[] = [];
    const pool: number[] = [];
    // CPU time of this process: less sensitive than wall time to other load on a shared machine.
    const scratchCpu: number[] = [];
    const loadCpu: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    for (let r = 0; r < args.runs; r++) {
      let cpu = process.cpuUsage();
      t = now();
      preparePool(inputs, freshEnv());
      scratch.push(now() - t);
      scratchCpu.push(cpuMs(cpu));

      cpu = process.cpuUsage();
      t = now();
      // The participant rows EventPoolService reads first (the text the analyses were made from).
      await ds.query(
        `SELECT o.id, o.external_id, o.name, o.kind, o.country, r.name AS region, o.cooperation, o.languages, o.version, o.updated_at
           FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id WHERE ep.event_id = $1 ORDER BY o.id`,
        [eventId],
      );
      participants.push(now() - t);
      const cpuParticipants = cpuMs(cpu);
      const members: PoolMember[] = inputs.map((p) => ({ id: p.id, name: p.name, country: p.country, region: p.region, cooperation: p.cooperation, languages: p.languages, version: 1 }));
      const analyse = service.analyse.bind(service);
      let analysedNow = 0;
      service.analyse = (input) => {
        analysedNow++;
        return analyse(input);
      };
      cpu = process.cpuUsage();
      t = now();
      const decoded = await service.forEvent(eventId, members);
      stored.push(now() - t);
      if (analysedNow !== 0) throw new Error(`${analysedNow} profiles analysed: stored analyses not used`);
      t = now();
      poolFromAnalyses(decoded, freshEnv());
      pool.push(now() - t);
      loadCpu.push(cpuParticipants + cpuMs(cpu));
      if (decoded.length !== inputs.length) throw new Error('stored analyses missing');
    }
    const load = median(participants) + median(stored) + median(pool);
    process.stdout.write(
      JSON.stringify({
        profiles: args.profiles,
        database: db.embedded ? 'embedded' : 'postgresql',
        runs: args.runs,
        analyseMs: round(analyseMs),
        storeMs: round(storeMs),
        avgAnalysisJsonBytes: Math.round(jsonBytes / args.profiles),
        tableMb: Math.round(Number(size) / 1e5) / 10,
        prepareFromScratchMs: round(median(scratch)),
        participantsQueryMs: round(median(participants)),
        storedAnalysesMs: round(median(stored)),
        poolStepMs: round(median(pool)),
        loadFromStoredMs: round(load),
        speedup: Math.round((median(scratch) / load) * 10) / 10,
        prepareFromScratchCpuMs: round(median(scratchCpu)),
        loadFromStoredCpuMs: round(median(loadCpu)),
      }) + '\n',
    );
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
