import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { badFields } from '../../common/field-error';
import { MatchingService } from '../../matching/matching.service';
import type { OrganisationEntity } from '../../profiles/organisation.entity';
import { ReviewsRepository } from '../../reviews/reviews.repository';
import { SELF_SERVICE_FIELDS, type AddParticipantsDto, type ParticipantSettingsDto, type UpdateParticipantDto } from '../dto/participant.dto';
import type { ParticipantListResponse, ParticipantResponse } from '../dto/participant.response';
import type { EventParticipantEntity } from '../event-participant.entity';
import type { EventEntity } from '../event.entity';
import { checkParticipantSetup, type ParticipantSetup, type Problem } from '../event-slots';
import { EventsRepository } from '../events.repository';
import { EventsService, participantContext } from '../events.service';

/** What a co-participant may see of another: who it is and where from, not how to reach it. */
function publicView(p: EventParticipantEntity): ParticipantResponse {
  const o = p.organisation!;
  return { organisation: { id: o.id, name: o.name, kind: o.kind, country: o.country, region: o.region?.name ?? '' }, group: p.group };
}

function fullView(p: EventParticipantEntity, event: EventEntity): ParticipantResponse {
  const o = p.organisation!;
  return {
    organisation: { id: o.id, name: o.name, kind: o.kind, country: o.country, region: o.region?.name ?? '', externalId: o.externalId, contactEmail: o.contactEmail },
    group: p.group,
    minMeetings: p.minMeetings,
    maxMeetings: p.maxMeetings,
    effectiveMinMeetings: p.minMeetings ?? event.minMeetings,
    effectiveMaxMeetings: p.maxMeetings ?? event.maxMeetings,
    representatives: p.representatives,
    representativeNames: p.representativeNames,
    blockedSlots: p.blockedSlots,
    sessions: p.sessions,
    parallelMeetings: p.parallelMeetings,
    fixedTable: p.fixedTable,
    languages: p.languages ?? o.languages,
    languagesFromProfile: p.languages === null,
    bringsInterpreter: p.bringsInterpreter,
    joinedAt: p.joinedAt,
    updatedAt: p.updatedAt,
  };
}

type ParticipantSettings = ParticipantSetup & Pick<EventParticipantEntity, 'languages' | 'bringsInterpreter'>;

/** The settings of a participant after applying `dto` to `current` (or to the defaults). */
function applySettings(dto: ParticipantSettingsDto, current?: EventParticipantEntity): ParticipantSettings {
  const names = dto.representativeNames ?? current?.representativeNames ?? [];
  return {
    group: dto.group === undefined ? (current?.group ?? null) : dto.group,
    minMeetings: dto.minMeetings === undefined ? (current?.minMeetings ?? null) : dto.minMeetings,
    maxMeetings: dto.maxMeetings === undefined ? (current?.maxMeetings ?? null) : dto.maxMeetings,
    // Names without a count imply at least that many representatives.
    representatives: dto.representatives ?? Math.max(current?.representatives ?? 1, dto.representativeNames?.length ?? 0),
    representativeNames: names,
    blockedSlots: [...(dto.blockedSlots ?? current?.blockedSlots ?? [])].sort((a, b) => a - b),
    sessions: dto.sessions === undefined ? (current?.sessions ?? null) : dto.sessions,
    parallelMeetings: dto.parallelMeetings ?? current?.parallelMeetings ?? 1,
    fixedTable: dto.fixedTable === undefined ? (current?.fixedTable ?? null) : dto.fixedTable,
    languages: dto.languages === undefined ? (current?.languages ?? null) : dto.languages,
    bringsInterpreter: dto.bringsInterpreter ?? current?.bringsInterpreter ?? false,
  };
}

/** The fields a request sets (for naming the one at fault). */
const changedFields = (dto: object): Set<string> => new Set(Object.entries(dto).flatMap(([k, v]) => (v === undefined ? [] : [k])));

function tableTaken(field: string, table: number, holder: string): ConflictException {
  const message = `table ${table} is the own table of ${holder} already`;
  return new ConflictException({ message, details: [{ field, messages: [message] }] });
}

/** The unique index on (event, fixed table) decides between two concurrent requests. */
function isTableClash(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string; constraint?: string } | undefined)?.code === '23505' && String((e.driverError as { constraint?: string }).constraint).includes('fixed_table');
}

/** Changes that alter match lists (who may meet, in which language); availability and limits do not. */
function affectsMatching(before: ParticipantSettings, after: ParticipantSettings): boolean {
  return before.group !== after.group || JSON.stringify(before.languages) !== JSON.stringify(after.languages) || before.bringsInterpreter !== after.bringsInterpreter;
}

/** Who takes part in an event, with what limits, availability, representatives and languages. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly reads: EventsService,
    private readonly matching: MatchingService,
    private readonly reviews: ReviewsRepository,
  ) {}

  async list(principal: Principal, slug: string): Promise<ParticipantListResponse> {
    const { event } = await this.reads.visible(principal, slug);
    const rows = await this.events.participants(event.id);
    const participants = rows.map((p) => (principal.role !== 'participant' || p.organisationId === principal.organisationId ? fullView(p, event) : publicView(p)));
    return { event: event.slug, total: participants.length, participants };
  }

  async get(principal: Principal, slug: string, organisationId: string): Promise<ParticipantResponse> {
    const { event } = await this.reads.visible(principal, slug);
    const p = await this.events.participant(event.id, organisationId);
    if (!p) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
    return principal.role !== 'participant' || p.organisationId === principal.organisationId ? fullView(p, event) : publicView(p);
  }

  /** Adds organisations from the profile pool, all or nothing. */
  async add(principal: Principal, slug: string, dto: AddParticipantsDto): Promise<ParticipantListResponse> {
    const { event } = await this.reads.visible(principal, slug);
    const added = await this.guardTables(dto.participants.map((p, i) => ({ field: `participants.${i}.fixedTable`, table: p.fixedTable ?? null })), () => this.events.transaction(async (tx) => {
      const locked = await this.events.lockEvent(tx, event.id);
      if (!locked) throw new NotFoundException(`Event ${slug} not found`);
      const ids = dto.participants.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
      const externalIds = dto.participants.flatMap((p) => (!p.organisationId && p.externalId ? [p.externalId] : []));
      const orgs = await this.events.organisations(tx, ids, externalIds);
      const byId = new Map(orgs.map((o) => [o.id, o]));
      const byExternal = new Map(orgs.filter((o) => o.externalId).map((o) => [o.externalId!, o]));
      const current = new Set((await this.events.participants(event.id, tx)).map((p) => p.organisationId));
      const context = participantContext(locked);
      const problems: Problem[] = [];
      const conflicts: Problem[] = [];
      const tables = new Map((await this.events.participants(event.id, tx)).filter((p) => p.fixedTable !== null).map((p) => [p.fixedTable!, p.organisation?.name ?? p.organisationId]));
      const seen = new Map<string, number>();
      const rows: Partial<EventParticipantEntity>[] = [];
      dto.participants.forEach((item, i) => {
        const at = `participants.${i}`;
        if (item.organisationId && item.externalId) return problems.push({ field: at, message: 'give organisationId or externalId, not both' });
        const org: OrganisationEntity | undefined = item.organisationId ? byId.get(item.organisationId) : byExternal.get(item.externalId!);
        if (!org) {
          return item.organisationId
            ? problems.push({ field: `${at}.organisationId`, message: `no organisation with id ${item.organisationId}` })
            : problems.push({ field: `${at}.externalId`, message: `no organisation with externalId ${item.externalId}` });
        }
        const first = seen.get(org.id);
        if (first !== undefined) return problems.push({ field: at, message: `${org.name} is listed twice (also participants.${first})` });
        seen.set(org.id, i);
        if (current.has(org.id)) return conflicts.push({ field: at, message: `${org.name} takes part already` });
        const settings = applySettings(item);
        problems.push(...checkParticipantSetup(settings, context, `${at}.`, changedFields(item)));
        if (settings.fixedTable !== null) {
          const holder = tables.get(settings.fixedTable);
          if (holder) conflicts.push({ field: `${at}.fixedTable`, message: `table ${settings.fixedTable} is the own table of ${holder} already` });
          tables.set(settings.fixedTable, org.name);
        }
        rows.push({ ...settings, eventId: event.id, organisationId: org.id });
      });
      if (problems.length) throw badFields(problems);
      if (conflicts.length) {
        throw new ConflictException({ message: conflicts.map((c) => c.message).join('; '), details: conflicts.map((c) => ({ field: c.field, messages: [c.message] })) });
      }
      await this.events.saveParticipants(tx, rows);
      return rows.map((r) => r.organisationId!);
    }));
    await this.matching.requestChanges(event.id, `${added.length} participant(s) joined`);
    const all = await this.events.participants(event.id);
    const addedSet = new Set(added);
    const participants = all.filter((p) => addedSet.has(p.organisationId)).map((p) => fullView(p, event));
    return { event: event.slug, total: participants.length, participants };
  }

  /** Organisers change everything; a participant its own availability, representatives and languages. */
  async update(principal: Principal, slug: string, organisationId: string, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    const { event } = await this.reads.visible(principal, slug);
    if (principal.role === 'participant') {
      // Other organisations' entries are not even acknowledged to exist.
      if (principal.organisationId !== organisationId) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
      const denied = Object.keys(dto).filter((k) => dto[k as keyof UpdateParticipantDto] !== undefined && !(SELF_SERVICE_FIELDS as readonly string[]).includes(k));
      if (denied.length) {
        throw new ForbiddenException({
          message: `Participants may change only ${SELF_SERVICE_FIELDS.join(', ')}; ${denied.join(', ')} are set by the organisers`,
          details: denied.map((field) => ({ field, messages: ['set by the organisers'] })),
        });
      }
    }
    const matters = await this.guardTables([{ field: 'fixedTable', table: dto.fixedTable ?? null }], () =>
      this.events.transaction(async (tx) => {
        const locked = await this.events.lockEvent(tx, event.id);
        if (!locked) throw new NotFoundException(`Event ${slug} not found`);
        const current = await this.events.participant(event.id, organisationId, tx);
        if (!current) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
        const settings = applySettings(dto, current);
        const problems = checkParticipantSetup(settings, participantContext(locked), '', changedFields(dto));
        if (problems.length) throw badFields(problems);
        if (settings.fixedTable !== null && settings.fixedTable !== current.fixedTable) {
          const holder = (await this.events.participants(event.id, tx)).find((p) => p.fixedTable === settings.fixedTable && p.organisationId !== organisationId);
          if (holder) throw tableTaken('fixedTable', settings.fixedTable, holder.organisation?.name ?? holder.organisationId);
        }
        await this.events.updateParticipant(tx, event.id, organisationId, settings);
        return affectsMatching(current, settings);
      }),
    );
    if (matters) await this.matching.requestRecompute(event.id, `participant ${organisationId} changed group or languages`);
    return this.get(principal, slug, organisationId);
  }

  /** Runs a write, answering a lost race for a table (the unique index) as the 409 the checks give. */
  private async guardTables<T>(requested: Array<{ field: string; table: number | null }>, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (!isTableClash(e)) throw e;
      const first = requested.find((r) => r.table !== null);
      const message = 'the table was just given to another participant';
      throw new ConflictException({ message, details: [{ field: first?.field ?? 'fixedTable', messages: [message] }] });
    }
  }

  /**
   * Organisers remove a participant; a participant may leave. Not while the published schedule holds
   * meetings of it (409): its partners' agendas list them, and the next schedule should be made without it.
   * Its pending meeting requests in the event, sent and received, are cancelled with it (reason
   * `sender-left` or `recipient-left`): they would hold the sender's cap and could not be accepted.
   */
  async remove(principal: Principal, slug: string, organisationId: string): Promise<void> {
    const { event } = await this.reads.visible(principal, slug);
    if (principal.role === 'participant' && principal.organisationId !== organisationId) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
    await this.events.transaction(async (tx) => {
      if (!(await this.events.lockEvent(tx, event.id))) throw new NotFoundException(`Event ${slug} not found`);
      const current = await this.events.participant(event.id, organisationId, tx);
      if (!current) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
      const published = await this.events.publishedMeetingsOf(tx, event.id, organisationId);
      if (published && published.n > 0) {
        const name = current.organisation?.name ?? organisationId;
        throw new ConflictException({
          message:
            `${name} has ${published.n} meeting(s) in the published schedule ${published.scheduleId}; its partners' agendas list them. ` +
            'To remove it, give it no meetings (maxMeetings 0), select pairs and schedule the event again, publish that schedule, then remove it',
          details: [{ field: 'org', messages: [`has meetings in the published schedule ${published.scheduleId}`] }],
        });
      }
      // Under the event row lock, which the review writes take before any request row.
      await this.reviews.cancelRequestsOfLeaver(tx, event.id, organisationId);
      await this.events.deleteParticipant(event.id, organisationId, tx);
    });
    await this.matching.requestChanges(event.id, principal.role === 'participant' ? `participant ${organisationId} left` : `participant ${organisationId} removed`);
  }
}
