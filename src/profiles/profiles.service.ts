import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { badField, badFields } from '../common/field-error';
import { MatchingService } from '../matching/matching.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { detectLanguage } from '../text';
import type { ProfileInputDto, UpdateProfileDto } from './dto/profile-input.dto';
import { analysedFieldsOf, ProfileAnalysisService } from './features/profile-analysis.service';
import { ProfileResponse, type ProfilePage } from './dto/profile.response';
import type { ListProfilesQuery } from './dto/list-profiles.query';
import { OrganisationEntity } from './organisation.entity';
import { assertCanRead, assertCanWrite } from './profile-access';
import { normaliseSectors, nullProblems } from './profile-validation';
import { isExternalIdTaken, ProfilesRepository, type ProfileFilter } from './profiles.repository';

export function descriptionLanguage(description: string): string | null {
  return description.trim() ? detectLanguage(description).lang : null;
}

@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly matching: MatchingService,
    private readonly analysis: ProfileAnalysisService,
  ) {}

  /** Turns the query's sector code into the code and everything below it. */
  toFilter(q: ListProfilesQuery): ProfileFilter {
    let sectors: string[] | undefined;
    if (q.sector) {
      sectors = this.taxonomy.taxonomy.expandWithDescendants([q.sector]);
      if (sectors.length === 0) throw badField('sector', `unknown sector code "${q.sector}"`);
    }
    return { country: q.country, region: q.region, sectors, kind: q.kind, q: q.q };
  }

  async list(q: ListProfilesQuery): Promise<ProfilePage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total } = await this.profiles.findPage(this.toFilter(q), page, pageSize);
    return { items: items.map((o) => ProfileResponse.from(o)), total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<ProfileResponse> {
    const org = await this.profiles.findById(id);
    if (!org) throw new NotFoundException(`Profile ${id} not found`);
    assertCanRead(principal, org);
    return ProfileResponse.from(org);
  }

  async create(principal: Principal, dto: ProfileInputDto): Promise<ProfileResponse> {
    // Required fields fail the DTO when null; this catches the optional description.
    const nulls = nullProblems(dto, { partial: false });
    if (nulls.length) throw badFields(nulls);
    const sectors = this.sectors(dto.sectors);
    const id = await this.guardExternalId(dto.externalId, () => this.profiles.transaction(async (tx) => {
      if (dto.externalId && (await tx.existsBy(OrganisationEntity, { externalId: dto.externalId }))) throw externalIdTaken(dto.externalId);
      const { region } = await this.profiles.resolveRegion(tx, dto.country, dto.region);
      const saved = await tx.getRepository(OrganisationEntity).save(
        tx.create(OrganisationEntity, {
          ...fields(dto),
          sectors,
          regionId: region.id,
          descriptionLang: descriptionLanguage(dto.description ?? ''),
          createdByKeyId: principal.keyId,
        }),
      );
      // Analysed with the profile, in its transaction: the stored analysis is never missing or half-written.
      await this.analysis.store([{ organisationId: saved.id, version: null, analysis: this.analysis.analyseFields(analysedFieldsOf(saved)) }], tx);
      return saved.id;
    }));
    return this.get(principal, id);
  }

  private async changed(ids: string[], why: string): Promise<void> {
    await this.matching.requestForOrganisations(ids, why);
  }

  async update(principal: Principal, id: string, dto: UpdateProfileDto): Promise<ProfileResponse> {
    // The DTO's fields are all optional, and class-validator skips optional ones when null.
    const nulls = nullProblems(dto, { partial: true });
    if (nulls.length) throw badFields(nulls);
    await this.guardExternalId(dto.externalId, () => this.profiles.transaction(async (tx) => {
      const org = await this.profiles.findById(id, tx);
      if (!org) throw new NotFoundException(`Profile ${id} not found`);
      await assertCanWrite(principal, org, async () => (await this.profiles.onlyInEventsOf([org.id], principal.keyId, tx)).has(org.id));
      if (principal.role === 'participant' && dto.externalId !== undefined && dto.externalId !== org.externalId) {
        throw new ForbiddenException('Participants cannot change the externalId of their organisation');
      }
      if (dto.externalId && dto.externalId !== org.externalId && (await tx.existsBy(OrganisationEntity, { externalId: dto.externalId }))) throw externalIdTaken(dto.externalId);
      const changes: Partial<OrganisationEntity> = fields(dto);
      if (dto.sectors) changes.sectors = this.sectors(dto.sectors);
      if (dto.description !== undefined) changes.descriptionLang = descriptionLanguage(dto.description);
      // A region lies in one country: taking the old region's name into the new country would make up
      // a region there (Jena, JP) with that country's time zone.
      if (dto.country !== undefined && dto.country !== org.country && dto.region === undefined) {
        throw badField('region', `give the region in ${dto.country} with the new country (the profile's region ${org.region?.name ?? ''} lies in ${org.country})`);
      }
      if (dto.region !== undefined || dto.country !== undefined) {
        const { region } = await this.profiles.resolveRegion(tx, dto.country ?? org.country, dto.region ?? org.region!.name);
        changes.regionId = region.id;
      }
      delete org.region;
      const saved = await tx.getRepository(OrganisationEntity).save(Object.assign(org, changes));
      await this.analysis.store([{ organisationId: saved.id, version: null, analysis: this.analysis.analyseFields(analysedFieldsOf(saved)) }], tx);
    }));
    await this.changed([id], 'profile updated');
    return this.get(principal, id);
  }

  /**
   * Deletes a profile with everything that refers to it, but not while a published schedule holds
   * meetings of it (409), as leaving an event is refused then: its partners' agendas list them.
   */
  async remove(principal: Principal, id: string): Promise<void> {
    const eventIds = await this.profiles.transaction(async (tx) => {
      const org = await this.profiles.findById(id, tx);
      if (!org) throw new NotFoundException(`Profile ${id} not found`);
      await assertCanWrite(principal, org, async () => (await this.profiles.onlyInEventsOf([org.id], principal.keyId, tx)).has(org.id));
      // Looked up before the delete cascades the participation away.
      const events = await this.profiles.lockEventsOf(tx, id);
      const published = await this.profiles.publishedMeetingsOf(tx, id);
      if (published.length) {
        const where = published.map((p) => `${p.n} in the published schedule ${p.scheduleId} of ${p.slug}`).join(', ');
        throw new ConflictException({
          message:
            `${org.name} has meetings in a published schedule (${where}); its partners' agendas list them. ` +
            'Schedule that event again without it, publish that schedule, then delete the profile',
          details: [{ field: 'id', messages: published.map((p) => `has meetings in the published schedule ${p.scheduleId} of ${p.slug}`) }],
        });
      }
      await tx.delete(OrganisationEntity, { id });
      return events;
    });
    for (const eventId of eventIds) await this.matching.requestChanges(eventId, 'participant deleted');
  }

  /** Answers a write that lost the race for its externalId (the unique index) as the check does: 409. */
  private async guardExternalId<T>(externalId: string | null | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (externalId && isExternalIdTaken(e)) throw externalIdTaken(externalId);
      throw e;
    }
  }

  private sectors(codes: string[]): string[] {
    const { codes: out, problems } = normaliseSectors(this.taxonomy.taxonomy, codes);
    if (problems.length) throw badFields(problems);
    return out;
  }
}

function externalIdTaken(externalId: string): ConflictException {
  return new ConflictException({ message: `A profile with externalId ${externalId} exists already`, details: [{ field: 'externalId', messages: ['already taken'] }] });
}

/** The plain columns of a profile input (region and sectors are resolved separately). */
function fields(dto: Partial<ProfileInputDto>): Partial<OrganisationEntity> {
  const out: Partial<OrganisationEntity> = {};
  if (dto.externalId !== undefined) out.externalId = dto.externalId ?? null;
  if (dto.name !== undefined) out.name = dto.name;
  if (dto.kind !== undefined) out.kind = dto.kind;
  if (dto.country !== undefined) out.country = dto.country;
  if (dto.offers !== undefined) out.offers = dto.offers;
  if (dto.seeks !== undefined) out.seeks = dto.seeks;
  if (dto.cooperation !== undefined) out.cooperation = dto.cooperation;
  if (dto.languages !== undefined) out.languages = dto.languages;
  if (dto.description !== undefined) out.description = dto.description;
  if (dto.size !== undefined) out.size = dto.size ?? null;
  if (dto.website !== undefined) out.website = dto.website ?? null;
  if (dto.contactEmail !== undefined) out.contactEmail = dto.contactEmail ?? null;
  return out;
}
