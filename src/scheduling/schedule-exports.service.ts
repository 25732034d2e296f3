import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { EventEntity } from '../events/event.entity';
import { slotsOf } from '../events/events.service';
import { interpreterNeeded, gridCsv, localIso, REMOVED_ORGANISATION, withRepresentative, type Agenda, type RepresentativeRef } from './agenda-format';
import { SchedulingService } from './scheduling.service';

interface MemberRow {
  id: string;
  name: string;
  country: string;
  /** The organisation's region's time zone; null when unknown. */
  timeZone: string | null;
  languages: string[];
  bringsInterpreter: boolean;
  representativeNames: string[];
}

/** The attending representative of a side, named where the participant gave names. */
function representative(number: number | null, member: Pick<MemberRow, 'representativeNames'> | undefined): RepresentativeRef | null {
  return number === null ? null : { number, name: member?.representativeNames[number - 1] ?? null };
}

/** Participants' agendas from the published schedule, and the organisers' grid of any schedule. */
@Injectable()
export class ScheduleExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scheduling: SchedulingService,
  ) {}

  /**
   * The agenda of one participant. A company sees only its own; another's is not acknowledged to exist
   * (404). Times are venue times, in the event's zone (the meetings happen there), with the same
   * instants in the participant's home zone (its organisation's region's) beside them.
   */
  async agenda(principal: Principal, slug: string, organisationId: string): Promise<Agenda> {
    const event = await this.scheduling.visibleEvent(principal, slug);
    const notFound = new NotFoundException(`No participant ${organisationId} in ${slug}`);
    if (principal.role === 'participant' && principal.organisationId !== organisationId) throw notFound;
    return this.agendaOf(event, organisationId);
  }

  async agendaOf(event: EventEntity, organisationId: string): Promise<Agenda> {
    const members = await this.members(event.id);
    const me = members.get(organisationId);
    if (!me) throw new NotFoundException(`No participant ${organisationId} in ${event.slug}`);
    const schedule = await this.scheduling.published(event.id);
    if (!schedule) throw new NotFoundException(`${event.slug} has no published schedule`);
    const slots = slotsOf(event);
    const meetings = (await this.scheduling.meetings(schedule.id)).filter((m) => m.organisationA === organisationId || m.organisationB === organisationId);
    // A partner that left the event after publication keeps its meeting in the published schedule:
    // named from its organisation while that exists, else by a placeholder, never by its id.
    const departed = await this.organisations(meetings.map((m) => (m.organisationA === organisationId ? m.organisationB : m.organisationA)).filter((id) => !members.has(id)));
    const home = me.timeZone;
    return {
      event: event.slug,
      eventName: event.name,
      venue: event.venue,
      organisation: { id: me.id, name: me.name },
      timeZone: event.timeZone,
      homeTimeZone: home,
      scheduleId: schedule.id,
      publishedAt: schedule.publishedAt?.toISOString() ?? null,
      meetings: meetings
        .filter((m) => slots[m.slotIndex] !== undefined)
        .map((m) => {
          const slot = slots[m.slotIndex];
          const mine = m.organisationA === organisationId;
          const partnerId = mine ? m.organisationB : m.organisationA;
          const partner = members.get(partnerId) ?? departed.get(partnerId);
          return {
            meetingId: m.id,
            slot: m.slotIndex,
            representative: representative(mine ? m.representativeA : m.representativeB, me),
            partner: { id: partnerId, name: partner?.name ?? REMOVED_ORGANISATION, country: partner?.country ?? '', representative: representative(mine ? m.representativeB : m.representativeA, partner) },
            table: m.tableNumber,
            start: localIso(slot.startUtc, event.timeZone),
            end: localIso(slot.endUtc, event.timeZone),
            homeStart: home === null ? null : localIso(slot.startUtc, home),
            homeEnd: home === null ? null : localIso(slot.endUtc, home),
            startUtc: slot.startUtc,
            endUtc: slot.endUtc,
            interpreterNeeded: partner ? interpreterNeeded(me, partner) : false,
          };
        }),
    };
  }

  /** The organisers' grid: slot × table with partner names, in the event's local time. */
  async grid(event: EventEntity, scheduleId: string): Promise<string> {
    const schedule = await this.scheduling.find(event.id, scheduleId);
    const meetings = await this.scheduling.meetings(schedule.id);
    const members = await this.members(event.id);
    const missing = [...new Set(meetings.flatMap((m) => [m.organisationA, m.organisationB]))].filter((id) => !members.has(id));
    const names = await this.scheduling.names(missing);
    const name = (id: string, rep: number | null): string => withRepresentative(members.get(id)?.name ?? names.get(id) ?? REMOVED_ORGANISATION, representative(rep, members.get(id)));
    const tables = Math.max(event.tables, ...meetings.map((m) => m.tableNumber));
    return gridCsv(
      slotsOf(event),
      tables,
      meetings.map((m) => ({ slot: m.slotIndex, table: m.tableNumber, aName: name(m.organisationA, m.representativeA), bName: name(m.organisationB, m.representativeB) })),
    );
  }

  /** Organisations that no longer take part in the event, as agendas show a partner (no representatives: it left). */
  private async organisations(ids: string[]): Promise<Map<string, MemberRow>> {
    if (ids.length === 0) return new Map();
    const rows: Array<Omit<MemberRow, 'timeZone' | 'representativeNames'>> = await this.db.query(
      'SELECT o.id, o.name, o.country, o.languages, false AS "bringsInterpreter" FROM organisations o WHERE o.id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { ...r, timeZone: null, representativeNames: [] }]));
  }

  private async members(eventId: string): Promise<Map<string, MemberRow>> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT o.id, o.name, o.country, r.time_zone AS "timeZone", coalesce(ep.languages, o.languages) AS languages, ep.brings_interpreter AS "bringsInterpreter",
              ep.representative_names AS "representativeNames"
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id LEFT JOIN regions r ON r.id = o.region_id
        WHERE ep.event_id = $1`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
