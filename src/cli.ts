import { Command, InvalidArgumentError, Option } from 'commander';
import { ApiKeysService } from './auth/api-keys.service';
import { ROLES, type Role } from './auth/role';
import { withContext } from './cli/cli-context';
import { registerMatchingCommands } from './cli/matching-commands';
import { registerProfileCommands } from './cli/profile-commands';
import { registerSchedulingCommands } from './cli/scheduling-commands';
import { DEMO_DATA } from './demo/data/demo-data';
import { DemoSeeder } from './demo/demo-seeder.service';
import { DiagnosticsService } from './diagnostics/diagnostics.service';
import { EventsService } from './events/events.service';
import { ConfigError } from './infra/config/app-config';

// `npm run cli -- <command>`: organisers' and operators' batch work on the same configuration
// as the servers (embedded database when DATABASE_URL is unset).

const program = new Command()
  .name('npm run cli --')
  .description('Tie-up partner matchmaking engine: batch commands')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withContext(() => Promise.resolve(void process.stdout.write('database schema is up to date\n'))));

program
  .command('seed-demo')
  .description('load (or refresh) the German–Japanese demo regions, tie-ups, organisations and events')
  .action(() =>
    withContext(async (app) => {
      const summary = await app.get(DemoSeeder).seed(DEMO_DATA);
      process.stdout.write(JSON.stringify(summary) + '\n');
    }),
  );

program
  .command('events')
  .description('list events as JSON lines')
  .action(() =>
    withContext(async (app) => {
      const events = await app.get(EventsService).list({ keyId: 'cli', name: 'cli', role: 'admin', organisationId: null });
      for (const e of events) process.stdout.write(JSON.stringify(e) + '\n');
    }),
  );

const collect = (value: string, previous: string[]): string[] => [...previous, value];

program
  .command('create-api-key')
  .description('create an API key and print it once')
  .requiredOption('--name <name>', 'who the key is for')
  .addOption(new Option('--role <role>', 'admin, organiser or participant').choices(ROLES).makeOptionMandatory())
  .option('--organisation <uuid>', 'participant keys: the organisation the key acts for')
  .option('--event <slug>', 'organiser keys: an event it organises (repeatable)', collect, [])
  .action((opts: { name: string; role: Role; organisation?: string; event: string[] }) =>
    withContext(async (app) => {
      const { key, apiKey } = await app.get(ApiKeysService).create({
        name: opts.name,
        role: opts.role,
        organisationId: opts.organisation,
        eventSlugs: opts.event,
      });
      process.stdout.write(JSON.stringify({ key, ...apiKey }) + '\n');
    }),
  );

program
  .command('probe')
  .description('send a probe job through the queue and wait for a worker to record it')
  .option('--timeout <seconds>', 'how long to wait', (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
    return n;
  }, 30)
  .action((opts: { timeout: number }) =>
    withContext(async (app) => {
      const diagnostics = app.get(DiagnosticsService);
      const probe = await diagnostics.enqueueProbe();
      const deadline = Date.now() + opts.timeout * 1000;
      while (Date.now() < deadline) {
        const runs = await diagnostics.recentRuns(50);
        const done = runs.find((r) => r.jobId === probe.jobId && r.status === 'completed');
        if (done) {
          process.stdout.write(JSON.stringify({ ...probe, processedBy: done.worker, status: done.status }) + '\n');
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no worker processed probe job ${probe.jobId} within ${opts.timeout}s`);
    }),
  );

registerProfileCommands(program);
registerMatchingCommands(program);
registerSchedulingCommands(program);

// `npm run cli -- export | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
