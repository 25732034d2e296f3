import { ConfigError, loadConfig } from './infra/config/app-config';
import { assertRoleFits, createHttpApp, runStartupTasks } from './bootstrap';

// `npm start`: API with the job processors in-process. `npm run start:api` (--api-only): HTTP only,
// jobs go to Redis for separate workers.
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const role = process.argv.includes('--api-only') ? 'api' : 'all';
  assertRoleFits(config, role);
  const app = await createHttpApp(config, role);
  const startup = await runStartupTasks(app, config);
  await app.listen(config.http.port, config.http.host);
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  const lines = [
    `Tie-up matchmaking engine listening on ${url}`,
    `  API docs: ${url}/docs    health: ${url}/health`,
    `  database: ${config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.kind === 'embedded' ? config.database.dataDir : ''}`}`,
    `  queue: ${config.queue.kind === 'redis' ? 'BullMQ on Redis (REDIS_URL)' : 'inline, in this process'}${role === 'api' ? ', processed by separate workers' : ''}`,
    ...(startup.seeded ? ['  demo data: seeded (set SEED_DEMO=false to skip)'] : []),
    ...(startup.generatedAdminKey
      ? ['', '  Admin API key (shown once, store it now):', `    ${startup.generatedAdminKey}`, `  try: curl -H "Authorization: Bearer <key>" ${url}/api/events`, '']
      : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
