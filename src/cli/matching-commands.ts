import { InvalidArgumentError, type Command } from 'commander';
import { DataSource } from 'typeorm';
import { EventsRepository } from '../events/events.repository';
import { MatchingService } from '../matching/matching.service';
import type { StoredSuggestion } from '../matching/match-list.entity';
import { withContext } from './cli-context';

const ADMIN = { keyId: 'cli', name: 'cli', role: 'admin', organisationId: null } as const;

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

export function registerMatchingCommands(program: Command): void {
  program
    .command('recompute')
    .description("recompute an event's match lists and wait for them, showing progress")
    .requiredOption('--event <slug>', 'the event')
    .option('--timeout <seconds>', 'give up waiting after this long', positiveInt, 3600)
    .action((opts: { event: string; timeout: number }) =>
      withContext(async (app) => {
        const found = await app.get(EventsRepository).findVisibleBySlug(ADMIN, opts.event);
        if (!found) throw new Error(`no event with slug ${opts.event}`);
        const matching = app.get(MatchingService);
        const run = await matching.requestRecompute(found.event.id, 'requested from the CLI');
        const deadline = Date.now() + opts.timeout * 1000;
        for (;;) {
          const current = await matching.findRun(run.id);
          const width = 30;
          const filled = Math.round(current.progress * width);
          process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}recomputing ${opts.event} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(current.progress * 100)}% ${current.status}${process.stderr.isTTY ? '' : '\n'}`);
          if (current.status === 'completed' || current.status === 'failed') {
            if (process.stderr.isTTY) process.stderr.write('\n');
            if (current.status === 'failed') throw new Error(`run ${run.id} failed: ${current.error}`);
            process.stdout.write(JSON.stringify({ event: opts.event, run: current.id, participants: current.participants, pairsScored: Number(current.pairsScored), weightVersion: current.weightVersion, ms: current.durationMs }) + '\n');
            return;
          }
          if (Date.now() > deadline) throw new Error(`run ${run.id} did not finish within ${opts.timeout}s (is a worker running?)`);
          await new Promise((r) => setTimeout(r, 250));
        }
      }),
    );

  program
    .command('suggestions')
    .description('print every participant’s stored suggestions as JSON lines')
    .requiredOption('--event <slug>', 'the event')
    .option('--top <n>', 'suggestions per participant', positiveInt, 10)
    .action((opts: { event: string; top: number }) =>
      withContext(async (app) => {
        const found = await app.get(EventsRepository).findVisibleBySlug(ADMIN, opts.event);
        if (!found) throw new Error(`no event with slug ${opts.event}`);
        const rows: { external_id: string | null; id: string; suggestions: StoredSuggestion[] | null }[] = await app.get(DataSource).query(
          `SELECT o.id, o.external_id, m.suggestions FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id
             LEFT JOIN match_lists m ON m.event_id = ep.event_id AND m.organisation_id = ep.organisation_id
            WHERE ep.event_id = $1 ORDER BY coalesce(o.external_id, o.id::text)`,
          [found.event.id],
        );
        const externalIds = new Map(rows.map((r) => [r.id, r.external_id]));
        // A stored list may still name an organisation that has since left the event.
        const others = [...new Set(rows.flatMap((r) => (r.suggestions ?? []).slice(0, opts.top).map((s) => s.organisationId)))].filter((id) => !externalIds.has(id));
        if (others.length) {
          const departed: { id: string; external_id: string | null }[] = await app.get(DataSource).query('SELECT id, external_id FROM organisations WHERE id = ANY($1::uuid[])', [others]);
          for (const o of departed) externalIds.set(o.id, o.external_id);
        }
        // externalId is the caller's own identifier, or null where a profile has none; id is always ours.
        for (const r of rows) {
          const suggestions = (r.suggestions ?? []).slice(0, opts.top).map((s) => ({ externalId: externalIds.get(s.organisationId) ?? null, id: s.organisationId, score: s.score }));
          process.stdout.write(JSON.stringify({ externalId: r.external_id, id: r.id, suggestions }) + '\n');
        }
      }),
    );
}
