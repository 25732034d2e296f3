import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { MatchingService } from '../matching/matching.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { ProfileInputDto } from './dto/profile-input.dto';
import type { ImportResult } from './dto/profile.response';
import { analysedFieldsOf, ProfileAnalysisService } from './features/profile-analysis.service';
import { OrganisationEntity } from './organisation.entity';
import { ORGANISER_WRITE_RULE, mayChangeProfile } from './profile-access';
import { parseProfileRecords, RecordParseError, serialiseProfileRecords, type ExportRecord, type ProfileFormat, type RecordError } from './profile-records';
import { validateProfileRecord } from './profile-validation';
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

/** All-or-nothing bulk import of profiles (JSON, JSON Lines, CSV), upserting by externalId. */
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
    // Upserts by externalId: when another request creates one of the file's externalIds between the
    // lookup and the insert (the unique index), the file is imported again over what is there now,
    // checks included, so two imports of one file both succeed.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.profiles.transaction(async (tx) => {
          const regionIds = new Map<string, string>();
          let regionsCreated = 0;
          const existing = new Map<string, OrganisationEntity>();
          const ids = valid.map((v) => v.profile.externalId!);
          for (let i = 0; i < ids.length; i += 1000) {
            for (const o of await this.profiles.findByExternalIds(ids.slice(i, i + 1000), tx)) existing.set(o.externalId!, o);
          }
          await this.assertMayUpdate(valid, existing, opts.principal, tx);
          const repo = tx.getRepository(OrganisationEntity);
          const rows: OrganisationEntity[] = [];
          for (const { profile } of valid) {
            const key = `${profile.country}|${profile.region.trim().toLowerCase()}`;
            let regionId = regionIds.get(key);
            if (!regionId) {
              const resolved = await this.profiles.resolveRegion(tx, profile.country, profile.region);
              regionId = resolved.region.id;
              if (resolved.created) regionsCreated++;
              regionIds.set(key, regionId);
            }
            const values = toColumns(profile, regionId);
            const current = existing.get(profile.externalId!);
            rows.push(current ? Object.assign(current, values) : repo.create({ ...values, createdByKeyId: opts.principal?.keyId ?? null }));
          }
          const saved: OrganisationEntity[] = [];
          for (let i = 0; i < rows.length; i += 500) {
            saved.push(...(await repo.save(rows.slice(i, i + 500))));
            opts.onProgress?.(Math.min(i + 500, rows.length), rows.length);
          }
          if (!opts.dryRun) await this.analysis.store(saved.map((o, i) => ({ organisationId: o.id, version: null, analysis: analyses[i] })), tx);
          outcome = {
            total: rows.length,
            created: rows.length - existing.size,
            updated: existing.size,
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
   * A row may update only a profile the importing key may change (the PATCH rule); otherwise the
   * whole file is rejected like any other bad row: 400 naming the line and externalId.
   */
  private async assertMayUpdate(
    valid: { line: number; profile: ProfileInputDto }[],
    existing: Map<string, OrganisationEntity>,
    principal: Principal | undefined,
    tx: EntityManager,
  ): Promise<void> {
    if (!principal || principal.role === 'admin' || existing.size === 0) return;
    const others = [...existing.values()].filter((o) => o.createdByKeyId !== principal.keyId);
    const onlyInOwnEvents = principal.role === 'organiser' ? await this.profiles.onlyInEventsOf(others.map((o) => o.id), principal.keyId, tx) : new Set<string>();
    const errors: RecordError[] = [];
    for (const { line, profile } of valid) {
      const current = existing.get(profile.externalId!);
      if (current && !mayChangeProfile(principal, current, onlyInOwnEvents.has(current.id))) {
        errors.push({ line, field: 'externalId', message: `updates a profile this key may not change. ${ORGANISER_WRITE_RULE}`, externalId: profile.externalId! });
      }
    }
    if (errors.length) throw new ImportRejectedError(errors);
  }

  /** Every problem of every row, or the validated rows; duplicates within the file are errors too. */
  private validate(records: { line: number; value: unknown }[]): { line: number; profile: ProfileInputDto }[] {
    const errors: RecordError[] = [];
    const valid: { line: number; profile: ProfileInputDto }[] = [];
    const seen = new Map<string, number>();
    if (records.length === 0) throw new ImportRejectedError([{ line: 1, field: 'file', message: 'the file holds no profiles' }]);
    for (const { line, value } of records) {
      const externalId = typeof (value as { externalId?: unknown })?.externalId === 'string' ? (value as { externalId: string }).externalId : undefined;
      const r = validateProfileRecord(value, this.taxonomy.taxonomy, { requireExternalId: true });
      if (!r.ok) {
        errors.push(...r.problems.map((p) => ({ line, field: p.field, message: p.message, externalId })));
        continue;
      }
      const first = seen.get(r.profile.externalId!);
      if (first !== undefined) {
        errors.push({ line, field: 'externalId', message: `duplicate of line ${first}`, externalId });
        continue;
      }
      seen.set(r.profile.externalId!, line);
      valid.push({ line, profile: r.profile });
    }
    if (errors.length) throw new ImportRejectedError(errors);
    return valid;
  }

  async exportText(filter: ProfileFilter, format: ProfileFormat): Promise<string> {
    const orgs = await this.profiles.streamAll(filter);
    const records: ExportRecord[] = orgs.map((o) => ({
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
