import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { badField, badFields } from '../../common/field-error';
import { canonicalTimeZone } from '../../common/time-zone';
import { MatchingService } from '../../matching/matching.service';
import type { CreateEventDto, EventDayDto, UpdateEventDto } from '../dto/event-input.dto';
import type { EventResponse } from '../dto/event.response';
import { EVENT_DEFAULTS, defaultSessions, type EventDay } from '../event-setup.types';
import type { EventEntity } from '../event.entity';
import { checkEventSetup, checkParticipantSetup, movedSlots, remapBlockedSlots, resolveDays, sameGrid, sessionNamesOf, type EventSetup, type Problem } from '../event-slots';
import { EventsRepository } from '../events.repository';
import { EventsService, participantContext, slotsOf } from '../events.service';

function toDays(days: EventDayDto[] | null | undefined): EventDay[] | null | undefined {
  if (days === undefined || days === null) return days;
  return days.map((d) => ({ date: d.date, sessions: d.sessions ? d.sessions.map((s) => ({ name: s.name, start: s.start, end: s.end })) : defaultSessions() }));
}

function slugTaken(slug: string): ConflictException {
  return new ConflictException({ message: `An event with slug ${slug} exists already`, details: [{ field: 'slug', messages: ['already taken'] }] });
}

/** Fields an update may leave out but not clear (maxMeetings, days and tieUpId take null). */
const NOT_NULL = ['name', 'description', 'venue', 'timeZone', 'startsOn', 'endsOn', 'slotMinutes', 'breakMinutes', 'tables', 'meetingRule', 'meetingRuleMode', 'groups', 'groupPairs', 'minMeetings', 'suggestionsK'] as const;

/** The fields that make the slot grid, in the order a refusal names the first one changed. */
const GRID_FIELDS = ['days', 'startsOn', 'slotMinutes', 'breakMinutes', 'timeZone'] as const;

/** Changes to an event that alter who meets whom or how pairs score: match lists are recomputed. */
const MATCHING_FIELDS = ['meetingRule', 'meetingRuleMode', 'groups', 'groupPairs', 'suggestionsK', 'tieUpId'] as const;

/** Creating, changing and deleting events: the rules across fields and against the participants. */
@Injectable()
export class EventSetupService {
  constructor(
    private readonly events: EventsRepository,
    private readonly reads: EventsService,
    private readonly matching: MatchingService,
  ) {}

  async create(principal: Principal, dto: CreateEventDto): Promise<EventResponse> {
    const days = toDays(dto.days) ?? null;
    const setup: EventSetup = {
      // Stored as IANA spells it ("europe/berlin" is Europe/Berlin), as regions store theirs.
      timeZone: canonicalTimeZone(dto.timeZone)!,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn ?? (days ? days[days.length - 1].date : dto.startsOn),
      days,
      slotMinutes: dto.slotMinutes ?? EVENT_DEFAULTS.slotMinutes,
      breakMinutes: dto.breakMinutes ?? EVENT_DEFAULTS.breakMinutes,
      meetingRule: dto.meetingRule ?? 'cross-country',
      groups: dto.groups ?? [],
      groupPairs: dto.groupPairs ?? [],
      minMeetings: dto.minMeetings ?? EVENT_DEFAULTS.minMeetings,
      maxMeetings: dto.maxMeetings ?? null,
    };
    const problems = checkEventSetup(setup);
    if (problems.length) throw badFields(problems);
    try {
      await this.events.transaction(async (tx) => {
        if (await this.events.existsBySlug(dto.slug, tx)) throw slugTaken(dto.slug);
        if (dto.tieUpId && !(await this.events.tieUpExists(tx, dto.tieUpId))) throw badField('tieUpId', `no tie-up with id ${dto.tieUpId}`);
        await this.events.insertEvent(
          tx,
          {
            ...setup,
            slug: dto.slug,
            name: dto.name,
            description: dto.description ?? '',
            venue: dto.venue ?? '',
            tables: dto.tables ?? EVENT_DEFAULTS.tables,
            meetingRuleMode: dto.meetingRuleMode ?? 'required',
            suggestionsK: dto.suggestionsK ?? 20,
            tieUpId: dto.tieUpId ?? null,
          },
          // The organiser who sets an event up organises it.
          principal.role === 'organiser' ? principal.keyId : null,
        );
      });
    } catch (e) {
      // Two creators racing for one slug: the unique index decides.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505') throw slugTaken(dto.slug);
      throw e;
    }
    return this.reads.get(principal, dto.slug);
  }

  async update(principal: Principal, slug: string, dto: UpdateEventDto): Promise<EventResponse> {
    const nulls = NOT_NULL.filter((f) => dto[f] === null);
    if (nulls.length) throw badFields(nulls.map((field) => ({ field, message: `${field} cannot be null (leave it out to keep it)` })));
    const { event: visible, participantCount } = await this.reads.visible(principal, slug);
    const changed = await this.events.transaction(async (tx) => {
      const event = await this.events.lockEvent(tx, visible.id);
      if (!event) throw new NotFoundException(`Event ${slug} not found`);
      const startsOn = dto.startsOn ?? event.startsOn;
      const days = dto.days === undefined ? event.days : (toDays(dto.days) ?? null);
      const setup: EventSetup = {
        // An event stored before names were made canonical gets its canonical name with any change.
        timeZone: canonicalTimeZone(dto.timeZone ?? event.timeZone) ?? event.timeZone,
        startsOn,
        // A one-day event moves as a whole when only its start moves.
        endsOn: dto.endsOn ?? (dto.startsOn && event.startsOn === event.endsOn && !days ? startsOn : event.endsOn),
        days,
        slotMinutes: dto.slotMinutes ?? event.slotMinutes,
        breakMinutes: dto.breakMinutes ?? event.breakMinutes,
        meetingRule: dto.meetingRule ?? event.meetingRule,
        groups: dto.groups ?? event.groups,
        groupPairs: dto.groupPairs ?? event.groupPairs ?? [],
        minMeetings: dto.minMeetings ?? event.minMeetings,
        maxMeetings: dto.maxMeetings === undefined ? event.maxMeetings : dto.maxMeetings,
      };
      const problems = checkEventSetup(setup);
      if (problems.length) throw badFields(problems);
      if (dto.tieUpId && dto.tieUpId !== event.tieUpId && !(await this.events.tieUpExists(tx, dto.tieUpId))) throw badField('tieUpId', `no tie-up with id ${dto.tieUpId}`);

      const before: EventEntity = { ...event };
      Object.assign(event, setup, {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(dto.venue !== undefined ? { venue: dto.venue } : {}),
        ...(dto.tables !== undefined ? { tables: dto.tables } : {}),
        ...(dto.meetingRuleMode !== undefined ? { meetingRuleMode: dto.meetingRuleMode } : {}),
        ...(dto.suggestionsK !== undefined ? { suggestionsK: dto.suggestionsK } : {}),
        ...(dto.tieUpId !== undefined ? { tieUpId: dto.tieUpId } : {}),
      });
      await this.keepPublishedSchedule(tx, before, event);
      await this.carryParticipants(tx, before, event);
      await tx.save(event);
      const groupsMatter = event.meetingRule === 'groups' || before.meetingRule === 'groups';
      return MATCHING_FIELDS.filter((f) => (groupsMatter || (f !== 'groups' && f !== 'groupPairs')) && JSON.stringify(event[f] ?? []) !== JSON.stringify(before[f] ?? []));
    });
    if (changed.length && participantCount > 0) await this.matching.requestRecompute(visible.id, `event ${changed.join(', ')} changed`);
    return this.reads.get(principal, slug);
  }

  async remove(principal: Principal, slug: string): Promise<void> {
    const { event } = await this.reads.visible(principal, slug);
    await this.events.deleteEvent(event.id);
  }

  /**
   * Refuses (400) a change of the slot grid or of the tables that would move a meeting of the published
   * schedule to another time, or drop it: meetings refer to slots by index and to tables by number, and
   * participants already hold their agendas. Changes that keep them (days, sessions or slots added after
   * them, more tables) pass.
   */
  private async keepPublishedSchedule(tx: EntityManager, before: EventEntity, after: EventEntity): Promise<void> {
    const [oldSlots, newSlots] = [slotsOf(before), slotsOf(after)];
    const regrid = oldSlots.length !== newSlots.length || movedSlots(oldSlots, newSlots, oldSlots.map((s) => s.index)).length > 0;
    if (!regrid && after.tables >= before.tables) return;
    const published = await this.events.publishedSlotUse(tx, before.id);
    if (!published) return;
    const problems: Problem[] = [];
    const moved = new Set(movedSlots(oldSlots, newSlots, published.slots.map((u) => u.slot)));
    const hit = published.slots.filter((u) => moved.has(u.slot));
    if (hit.length) {
      const n = hit.reduce((sum, u) => sum + u.n, 0);
      const [e, slot] = [hit[0], oldSlots[hit[0].slot]];
      const field = GRID_FIELDS.find((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])) ?? 'days';
      problems.push({
        field,
        message:
          `the published schedule ${published.scheduleId} depends on the slots: ${n} of its meetings are in slots this change moves or removes, ` +
          `e.g. slot ${e.slot} (${slot.day} ${slot.start}–${slot.end}): ${e.a} – ${e.b}. Keep those slots as they are (days, sessions or slots after them may be added), ` +
          'or schedule the event again with them blocked for the participants concerned and publish that schedule, then make this change',
      });
    }
    if (after.tables < before.tables) {
      const beyond = await this.events.meetingsBeyondTable(tx, published.scheduleId, after.tables);
      if (beyond) {
        problems.push({
          field: 'tables',
          message:
            `the published schedule ${published.scheduleId} depends on the tables: ${beyond.n} of its meetings are at tables above ${after.tables}, ` +
            `e.g. table ${beyond.table} in slot ${beyond.slot}: ${beyond.a} – ${beyond.b}. Keep at least ${beyond.maxTable} tables while it is published, ` +
            'or schedule the event again and publish a schedule that leaves those tables free, then make this change',
        });
      }
    }
    if (problems.length) throw badFields(problems);
  }

  /**
   * Keeps participants consistent with a changed event: their groups must still exist and their
   * minimum stay within their maximum; blocked slots follow the time they cover onto a new grid.
   * Sessions a participant attends or a selected pair is restricted to must still exist, and fewer
   * tables must leave every own table in place: all are refused (400) until those are changed first.
   */
  private async carryParticipants(tx: EntityManager, before: EventEntity, after: EventEntity): Promise<void> {
    const participants = await this.events.participants(before.id, tx);
    if (participants.length === 0) return;
    const [oldSlots, newSlots] = [slotsOf(before), slotsOf(after)];
    const regrid = !sameGrid(oldSlots, newSlots);
    const problems: Problem[] = [];
    const sessionNames = sessionNamesOf(resolveDays(after.days, after.startsOn));
    const removedSessions = sessionNamesOf(resolveDays(before.days, before.startsOn)).filter((n) => !sessionNames.includes(n));
    for (const used of await this.events.pairsInSessions(tx, before.id, removedSessions)) {
      problems.push({ field: 'days', message: `session ${used.session} is still required by ${used.n} selected pair(s), e.g. ${used.a} – ${used.b}; change their session first` });
    }
    const name = (p: (typeof participants)[number]): string => p.organisation?.name ?? p.organisationId;
    const removedGroups = before.groups.filter((g) => !after.groups.includes(g));
    for (const g of removedGroups) {
      const users = participants.filter((p) => p.group === g);
      if (users.length) problems.push({ field: 'groups', message: `group ${g} is still given to ${users.length} participant(s), e.g. ${users[0].organisation?.name}` });
    }
    for (const n of removedSessions) {
      const users = participants.filter((p) => p.sessions?.includes(n));
      if (users.length) problems.push({ field: 'days', message: `session ${n} is still attended by ${users.length} participant(s), e.g. ${name(users[0])}; change their sessions first` });
    }
    const away = participants.filter((p) => p.fixedTable !== null && p.fixedTable > after.tables);
    if (away.length) {
      problems.push({ field: 'tables', message: `${away.length} participant(s) have their own table beyond table ${after.tables}, e.g. ${name(away[0])} at table ${away[0].fixedTable}; move them first` });
    }
    const context = participantContext(after);
    for (const p of participants) {
      const blockedSlots = regrid ? remapBlockedSlots(oldSlots, newSlots, p.blockedSlots) : p.blockedSlots;
      const clash = checkParticipantSetup({ ...p, group: null, sessions: null, fixedTable: null, blockedSlots }, context).find((x) => x.field === 'minMeetings' || x.field === 'maxMeetings');
      if (clash) {
        const field = p.minMeetings === null ? 'minMeetings' : 'maxMeetings';
        problems.push({ field, message: `${name(p)}: ${clash.message}; change its own limits first` });
      }
      if (regrid && blockedSlots.join(',') !== p.blockedSlots.join(',')) await this.events.updateParticipant(tx, p.eventId, p.organisationId, { blockedSlots });
    }
    if (problems.length) throw badFields(problems);
  }
}
