import { ConfigError, loadConfig } from './infra/config/app-config';
import { assertRoleFits, createWorkerContext } from './bootstrap';

// `npm run start:worker`: an application context without HTTP that runs the queue processors.
// Start as many as needed; BullMQ shares the jobs between them.
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  assertRoleFits(config, 'worker');
  await createWorkerContext(config, 'worker');
  process.stdout.write(`worker ${process.pid} consuming jobs (concurrency ${config.queue.concurrency})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
