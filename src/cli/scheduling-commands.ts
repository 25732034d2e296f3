import { InvalidArgumentError, type Command } from 'commander';
import { DataSource } from 'typeorm';
import { EventsRepository } from '../events/events.repository';
import { agendaCsv, agendaIcs } from '../scheduling/agenda-format';
import { ScheduleExportsService } from '../scheduling/schedule-exports.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { withContext } from './cli-context';

const ADMIN = { keyId: 'cli', name: 'cli', role: 'admin', organisationId: null } as const;

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

export function registerSchedulingCommands(program: Command): void {
  program
    .command('schedule')
    .description("schedule an event's current pair selection, wait with progress and print the quality report")
    .requiredOption('--event <slug>', 'the event')
    .option('--time-limit-ms <ms>', 'how long the optimiser may search (default 10000)', positiveInt)
    .option('--fairness-d <d>', 'fairness bound d (default 2)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
      return n;
    })
    .option('--publish', 'publish the draft when it is valid')
    .option('--timeout <seconds>', 'give up waiting after this long', positiveInt, 3600)
    .action((opts: { event: string; timeLimitMs?: number; fairnessD?: number; publish?: boolean; timeout: number }) =>
      withContext(async (app, config) => {
        const found = await app.get(EventsRepository).findVisibleBySlug(ADMIN, opts.event);
        if (!found) throw new Error(`no event with slug ${opts.event}`);
        const scheduling = app.get(SchedulingService);
        if (config.queue.kind === 'inline') await scheduling.resumeUnfinished();
        const run = await scheduling.request(found.event.id, { timeLimitMs: opts.timeLimitMs, fairnessD: opts.fairnessD }, null);
        const deadline = Date.now() + opts.timeout * 1000;
        for (;;) {
          const current = await scheduling.find(found.event.id, run.id);
          const width = 30;
          const filled = Math.round(current.progress * width);
          process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}scheduling ${opts.event} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(current.progress * 100)}% ${current.status}${process.stderr.isTTY ? '' : '\n'}`);
          if (current.status !== 'queued' && current.status !== 'running') {
            if (process.stderr.isTTY) process.stderr.write('\n');
            if (current.status === 'failed') throw new Error(`schedule ${run.id} failed: ${current.error}`);
            const published = opts.publish ? await scheduling.publish(found.event.id, run.id) : current;
            process.stdout.write(JSON.stringify({ event: opts.event, schedule: current.id, status: published.status, quality: current.quality }) + '\n');
            return;
          }
          if (Date.now() > deadline) throw new Error(`schedule ${run.id} did not finish within ${opts.timeout}s (is a worker running?)`);
          await new Promise((r) => setTimeout(r, 250));
        }
      }),
    );

  program
    .command('agenda')
    .description("print a participant's agenda from the event's published schedule")
    .requiredOption('--event <slug>', 'the event')
    .requiredOption('--org <externalId>', "the participant's externalId (or its id)")
    .option('--format <format>', 'ics or csv', (v) => {
      if (v !== 'ics' && v !== 'csv') throw new InvalidArgumentError('must be ics or csv');
      return v;
    }, 'ics')
    .action((opts: { event: string; org: string; format: 'ics' | 'csv' }) =>
      withContext(async (app) => {
        const found = await app.get(EventsRepository).findVisibleBySlug(ADMIN, opts.event);
        if (!found) throw new Error(`no event with slug ${opts.event}`);
        const [org]: { id: string }[] = await app.get(DataSource).query('SELECT id FROM organisations WHERE external_id = $1 OR id::text = $1 LIMIT 1', [opts.org]);
        if (!org) throw new Error(`no organisation ${opts.org}`);
        const agenda = await app.get(ScheduleExportsService).agendaOf(found.event, org.id);
        process.stdout.write(opts.format === 'ics' ? agendaIcs(agenda) : agendaCsv(agenda));
      }),
    );
}
