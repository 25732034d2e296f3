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
import { ProfilesRepository, type ProfileFilter } from './profiles.repository';

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
    const id = await this.profiles.transaction(async (tx) => {
      if (dto.externalId && (await tx.existsBy(OrganisationEntity, { externalId: dto.externalId }))) {
        throw new ConflictException({ message: `A profile with externalId ${dto.externalId} exists already`, details: [{ field: 'externalId', messages: ['already taken'] }] });
      }
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
    });
    return this.get(principal, id);
  }

  private async changed(ids: string[], why: string): Promise<void> {
    await this.matching.requestForOrganisations(ids, why);
  }

  async update(principal: Principal, id: string, dto: UpdateProfileDto): Promise<ProfileResponse> {
    // The DTO's fields are all optional, and class-validator skips optional ones when null.
    const nulls = nullProblems(dto, { partial: true });
    if (nulls.length) throw badFields(nulls);
    await this.profiles.transaction(async (tx) => {
      const org = await this.profiles.findById(id, tx);
      if (!org) throw new NotFoundException(`Profile ${id} not found`);
      await assertCanWrite(principal, org, async () => (await this.profiles.onlyInEventsOf([org.id], principal.keyId, tx)).has(org.id));
      if (principal.role === 'participant' && dto.externalId !== undefined && dto.externalId !== org.externalId) {
        throw new ForbiddenException('Participants cannot change the externalId of their organisation');
      }
      if (dto.externalId && dto.externalId !== org.externalId && (await tx.existsBy(OrganisationEntity, { externalId: dto.externalId }))) {
        throw new ConflictException({ message: `A profile with externalId ${dto.externalId} exists already`, details: [{ field: 'externalId', messages: ['already taken'] }] });
      }
      const changes: Partial<OrganisationEntity> = fields(dto);
      if (dto.sectors) changes.sectors = this.sectors(dto.sectors);
      if (dto.description !== undefined) changes.descriptionLang = descriptionLanguage(dto.description);
      if (dto.region !== undefined || dto.country !== undefined) {
        const { region } = await this.profiles.resolveRegion(tx, dto.country ?? org.country, dto.region ?? org.region!.name);
        changes.regionId = region.id;
      }
      delete org.region;
      const saved = await tx.getRepository(OrganisationEntity).save(Object.assign(org, changes));
      await this.analysis.store([{ organisationId: saved.id, version: null, analysis: this.analysis.analyseFields(analysedFieldsOf(saved)) }], tx);
    });
    await this.changed([id], 'profile updated');
    return this.get(principal, id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    // Events are looked up before the delete cascades the participation away.
    const events: { event_id: string }[] = await this.profiles.eventsOf(id);
    await this.profiles.transaction(async (tx) => {
      const org = await this.profiles.findById(id, tx);
      if (!org) throw new NotFoundException(`Profile ${id} not found`);
      await assertCanWrite(principal, org, async () => (await this.profiles.onlyInEventsOf([org.id], principal.keyId, tx)).has(org.id));
      await tx.delete(OrganisationEntity, { id });
    });
    for (const e of events) await this.matching.requestChanges(e.event_id, 'participant deleted');
  }

  private sectors(codes: string[]): string[] {
    const { codes: out, problems } = normaliseSectors(this.taxonomy.taxonomy, codes);
    if (problems.length) throw badFields(problems);
    return out;
  }
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
