import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { MatchingService } from '../matching/matching.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { ProfileInputDto } from './dto/profile-input.dto';
import type { ImportResult } from './dto/profile.response';
import { analysedFieldsOf, ProfileAnalysisService } from './features/profile-analysis.service';
import { OrganisationEntity } from './organisation.entity';
import { matchedBy, matchImportRows } from './import-targets';
import { ORGANISER_WRITE_RULE, mayChangeProfile } from './profile-access';
import { parseProfileRecords, RecordParseError, serialiseProfileRecords, type ExportRecord, type ProfileFormat, type RecordError } from './profile-records';
import { validateImportRecord } from './profile-validation';
import { isExternalIdTaken, ProfilesRepository, type ProfileFilter } from './profiles.repository';
import { descriptionLanguage } from './profiles.service';

export interface ImportOptions {
  dryRun?: boolean;
  /**
   * Who imports: recorded on created profiles, and updates are held to the profile write rule
   * (profile-access.ts). Absent for the CLI, which acts as the operator.
   */
  principal?: Principal;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportOutcome extends ImportResult {
  /** Ids of every imported organisation, in file order. */
  organisationIds: string[];
}

/** The whole file is rejected, nothing written; every bad row is listed. */
export class ImportRejectedError extends BadRequestException {
  constructor(readonly rowErrors: RecordError[]) {
    super({
      message: `${new Set(rowErrors.map((e) => e.line)).size} invalid row(s); nothing was imported`,
      details: rowErrors.map((e) => ({ field: `line ${e.line}: ${e.field}`, messages: [e.message], line: e.line, externalId: e.externalId ?? null })),
    });
  }
}

class DryRunRollback extends Error {}

/** A validated import row: `id` is the engine's id of the profile it updates, when the row gives one. */
interface ValidRow {
  line: number;
  id: string | null;
  profile: ProfileInputDto;
}

/** All-or-nothing bulk import of profiles (JSON, JSON Lines, CSV), upserting by id, else by externalId. */
@Injectable()
export class ProfileImportService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly matching: MatchingService,
    private readonly analysis: ProfileAnalysisService,
  ) {}

  async importText(text: string, format: ProfileFormat, opts: ImportOptions = {}): Promise<ImportOutcome> {
    let records;
    try {
      records = parseProfileRecords(text, format);
    } catch (e) {
      if (e instanceof RecordParseError) throw new ImportRejectedError(e.errors);
      throw e;
    }
    return this.importRecords(records, opts);
  }

  async importRecords(records: { line: number; value: unknown }[], opts: ImportOptions = {}): Promise<ImportOutcome> {
    const valid = this.validate(records);
    // Text analysis (the slow part) before the transaction opens; stored with the rows, in it.
    const analyses = opts.dryRun ? [] : await this.analysis.analyseMany(valid.map(({ profile }) => analysedFieldsOf(profile)));
    let outcome: ImportOutcome | null = null;
    // Upserts by id, else by externalId: when another request creates one of the file's externalIds between the
    // lookup and the insert (the unique index), the file is imported again over what is there now,
    // checks included, so two imports of one file both succeed.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.profiles.transaction(async (tx) => {
          const regionIds = new Map<string, string>();
          let regionsCreated = 0;
          const targets = await this.findTargets(valid, opts.principal, tx);
          const repo = tx.getRepository(OrganisationEntity);
          const rows: OrganisationEntity[] = [];
          for (const [i, { profile }] of valid.entries()) {
            const key = `${profile.country}|${profile.region.trim().toLowerCase()}`;
            let regionId = regionIds.get(key);
            if (!regionId) {
              const resolved = await this.profiles.resolveRegion(tx, profile.country, profile.region);
              regionId = resolved.region.id;
              if (resolved.created) regionsCreated++;
              regionIds.set(key, regionId);
            }
            const values = toColumns(profile, regionId);
            const current = targets[i];
            rows.push(current ? Object.assign(current, values) : repo.create({ ...values, createdByKeyId: opts.principal?.keyId ?? null }));
          }
          const saved: OrganisationEntity[] = [];
          for (let i = 0; i < rows.length; i += 500) {
            saved.push(...(await repo.save(rows.slice(i, i + 500))));
            opts.onProgress?.(Math.min(i + 500, rows.length), rows.length);
          }
          if (!opts.dryRun) await this.analysis.store(saved.map((o, i) => ({ organisationId: o.id, version: null, analysis: analyses[i] })), tx);
          const updated = targets.filter((o) => o !== null).length;
          outcome = {
            total: rows.length,
            created: rows.length - updated,
            updated,
            regionsCreated,
            dryRun: !!opts.dryRun,
            organisationIds: saved.map((o) => o.id),
          };
          if (opts.dryRun) throw new DryRunRollback();
        });
        break;
      } catch (e) {
        if (e instanceof DryRunRollback) break;
        if (!isExternalIdTaken(e)) throw e;
        if (attempt < 3) continue;
        throw new ConflictException({ message: 'Other requests kept creating profiles with externalIds of this file while it was imported; nothing was imported, try again', details: [{ field: 'externalId', messages: ['taken while the file was imported'] }] });
      }
    }
    if (opts.dryRun) return { ...outcome!, organisationIds: [] };
    await this.matching.requestForOrganisations(outcome!.organisationIds, 'profiles imported');
    return outcome!;
  }

  /**
   * The profile each row updates (null: it creates one), matched by id, else by externalId
   * (import-targets.ts). A row may update only a profile the importing key may change (the PATCH
   * rule). Any row that fails either is listed and the whole file rejected: 400 naming its line and
   * the field it is matched by.
   */
  private async findTargets(valid: ValidRow[], principal: Principal | undefined, tx: EntityManager): Promise<(OrganisationEntity | null)[]> {
    const byId = new Map<string, OrganisationEntity>();
    const byExternalId = new Map<string, OrganisationEntity>();
    const ids = valid.flatMap((v) => (v.id ? [v.id] : []));
    const externalIds = valid.flatMap((v) => (v.profile.externalId ? [v.profile.externalId] : []));
    for (let i = 0; i < ids.length; i += 1000) {
      for (const o of await this.profiles.findByIds(ids.slice(i, i + 1000), tx)) byId.set(o.id, o);
    }
    for (let i = 0; i < externalIds.length; i += 1000) {
      // One entity per organisation: a row matched by externalId and another by id meet as one.
      for (const o of await this.profiles.findByExternalIds(externalIds.slice(i, i + 1000), tx)) byExternalId.set(o.externalId!, byId.get(o.id) ?? o);
    }
    const { targets, errors } = matchImportRows(valid.map((v) => ({ line: v.line, id: v.id, externalId: v.profile.externalId ?? null })), byId, byExternalId);
    if (principal && principal.role !== 'admin') {
      const others = targets.filter((o): o is OrganisationEntity => o !== null && o.createdByKeyId !== principal.keyId);
      const onlyInOwnEvents = principal.role === 'organiser' ? await this.profiles.onlyInEventsOf(others.map((o) => o.id), principal.keyId, tx) : new Set<string>();
      valid.forEach(({ line, id, profile }, i) => {
        const current = targets[i];
        if (current && !mayChangeProfile(principal, current, onlyInOwnEvents.has(current.id))) {
          errors.push({ line, field: matchedBy({ id }, current), message: `updates a profile this key may not change. ${ORGANISER_WRITE_RULE}`, externalId: profile.externalId ?? undefined });
        }
      });
    }
    if (errors.length) throw new ImportRejectedError(errors.sort((a, b) => a.line - b.line));
    return targets;
  }

  /** Every problem of every row, or the validated rows; an id or externalId given twice in the file is an error too. */
  private validate(records: { line: number; value: unknown }[]): ValidRow[] {
    const errors: RecordError[] = [];
    const valid: ValidRow[] = [];
    const seen = { id: new Map<string, number>(), externalId: new Map<string, number>() };
    if (records.length === 0) throw new ImportRejectedError([{ line: 1, field: 'file', message: 'the file holds no profiles' }]);
    for (const { line, value } of records) {
      const externalId = typeof (value as { externalId?: unknown })?.externalId === 'string' ? (value as { externalId: string }).externalId : undefined;
      const r = validateImportRecord(value, this.taxonomy.taxonomy);
      if (!r.ok) {
        errors.push(...r.problems.map((p) => ({ line, field: p.field, message: p.message, externalId })));
        continue;
      }
      const duplicates = (['id', 'externalId'] as const).flatMap((field) => {
        const key = field === 'id' ? r.id : r.profile.externalId;
        const first = key ? seen[field].get(key) : undefined;
        return first === undefined ? [] : [{ line, field, message: `duplicate of line ${first}`, externalId }];
      });
      if (duplicates.length) {
        errors.push(...duplicates);
        continue;
      }
      if (r.id) seen.id.set(r.id, line);
      if (r.profile.externalId) seen.externalId.set(r.profile.externalId, line);
      valid.push({ line, id: r.id, profile: r.profile });
    }
    if (errors.length) throw new ImportRejectedError(errors);
    return valid;
  }

  async exportText(filter: ProfileFilter, format: ProfileFormat): Promise<string> {
    const orgs = await this.profiles.streamAll(filter);
    const records: ExportRecord[] = orgs.map((o) => ({
      id: o.id,
      externalId: o.externalId,
      name: o.name,
      kind: o.kind,
      country: o.country,
      region: o.region?.name ?? '',
      sectors: o.sectors,
      offers: o.offers,
      seeks: o.seeks,
      cooperation: o.cooperation,
      languages: o.languages,
      description: o.description,
      size: o.size,
      website: o.website,
      contactEmail: o.contactEmail,
    }));
    return serialiseProfileRecords(records, format);
  }
}

function toColumns(p: ProfileInputDto, regionId: string): Partial<OrganisationEntity> {
  return {
    externalId: p.externalId ?? null,
    name: p.name,
    kind: p.kind,
    country: p.country,
    regionId,
    sectors: p.sectors,
    offers: p.offers,
    seeks: p.seeks,
    cooperation: p.cooperation,
    languages: p.languages,
    description: p.description ?? '',
    descriptionLang: descriptionLanguage(p.description ?? ''),
    size: p.size ?? null,
    website: p.website ?? null,
    contactEmail: p.contactEmail ?? null,
  };
}
