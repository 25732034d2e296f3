import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { EventsRepository } from '../events/events.repository';
import { MatchingService } from '../matching/matching.service';
import { MEETING_RULES, type MeetingRule } from '../profiles/profile.types';
import { ImportRejectedError, ProfileImportService } from '../profiles/profile-import.service';
import { PROFILE_FORMATS, type ProfileFormat } from '../profiles/profile-records';
import { ProfilesService } from '../profiles/profiles.service';
import { withContext } from './cli-context';

function formatFromPath(path: string, given?: ProfileFormat): ProfileFormat {
  if (given) return given;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  throw new Error(`cannot tell the format of ${path}: use --format ${PROFILE_FORMATS.join('|')}`);
}

/** Progress on stderr: a redrawn bar on a terminal, a line per 10% otherwise. */
function progressPrinter(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) !== lastDecile) {
      lastDecile = Math.floor(pct / 10);
      process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
    }
  };
}

export function registerProfileCommands(program: Command): void {
  program
    .command('import <file>')
    .description('import profiles (JSON, JSON Lines or CSV; rows matched by id, else externalId; all or nothing)')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(PROFILE_FORMATS))
    .option('--event <slug>', 'the organisations also join this event (created if missing)')
    .addOption(new Option('--rule <rule>', 'who-meets-whom rule of the event').choices(MEETING_RULES))
    .option('--dry-run', 'validate and count without writing')
    .action((file: string, opts: { format?: ProfileFormat; event?: string; rule?: MeetingRule; dryRun?: boolean }) =>
      withContext(async (app) => {
        if (opts.rule && !opts.event) throw new Error('--rule needs --event');
        const text = readFileSync(file, 'utf8');
        const format = formatFromPath(file, opts.format);
        let outcome;
        try {
          outcome = await app.get(ProfileImportService).importText(text, format, { dryRun: opts.dryRun, onProgress: progressPrinter('importing') });
        } catch (e) {
          if (!(e instanceof ImportRejectedError)) throw e;
          for (const r of e.rowErrors) process.stderr.write(`line ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.field}: ${r.message}\n`);
          throw new Error(`${file}: ${new Set(e.rowErrors.map((r) => r.line)).size} invalid row(s); nothing was imported`);
        }
        const { organisationIds, ...summary } = outcome;
        let event: Record<string, unknown> = {};
        if (opts.event && !opts.dryRun) {
          const events = app.get(EventsRepository);
          const ensured = await events.ensureEvent(opts.event, opts.rule, new Date().toISOString().slice(0, 10));
          const joined = await events.addParticipants(ensured.event.id, organisationIds);
          if (joined > 0) await app.get(MatchingService).requestRecompute(ensured.event.id, 'participants joined (CLI import)');
          event = { event: ensured.event.slug, eventCreated: ensured.created, rule: ensured.event.meetingRule, ruleChanged: ensured.ruleChanged, joined };
        }
        process.stdout.write(JSON.stringify({ file, format, ...summary, ...event }) + '\n');
      }),
    );

  program
    .command('export')
    .description('export profiles in an import format')
    .addOption(new Option('--format <format>', 'output format').choices(PROFILE_FORMATS).default('jsonl'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--event <slug>', 'only participants of this event')
    .option('--country <code>', 'ISO 3166-1 alpha-2')
    .option('--region <name>', 'region name')
    .option('--sector <code>', 'sector code, with everything below it')
    .action((opts: { format: ProfileFormat; out?: string; event?: string; country?: string; region?: string; sector?: string }) =>
      withContext(async (app) => {
        const filter = { ...app.get(ProfilesService).toFilter({ country: opts.country?.toUpperCase(), region: opts.region, sector: opts.sector }), eventSlug: opts.event };
        const text = await app.get(ProfileImportService).exportText(filter, opts.format);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      }),
    );
}
