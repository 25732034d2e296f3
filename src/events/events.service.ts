import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { EventResponse, type SlotsResponse } from './dto/event.response';
import type { EventEntity } from './event.entity';
import { deriveSlots, resolveDays, sessionNamesOf, type ParticipantEventContext, type Slot } from './event-slots';
import { EventsRepository, type EventWithCounts } from './events.repository';

/** The slot grid of an event: its days (or the default day) × sessions × slot length. */
export function slotsOf(event: Pick<EventEntity, 'days' | 'startsOn' | 'slotMinutes' | 'breakMinutes' | 'timeZone'>): Slot[] {
  return deriveSlots({ days: resolveDays(event.days, event.startsOn), slotMinutes: event.slotMinutes, breakMinutes: event.breakMinutes, timeZone: event.timeZone });
}

/** What a participant's settings are checked against: groups, limits, slots, sessions, tables. */
export function participantContext(event: EventEntity): ParticipantEventContext {
  return {
    groups: event.groups,
    minMeetings: event.minMeetings,
    maxMeetings: event.maxMeetings,
    slotCount: slotsOf(event).length,
    sessionNames: sessionNamesOf(resolveDays(event.days, event.startsOn)),
    tables: event.tables,
  };
}

@Injectable()
export class EventsService {
  constructor(private readonly events: EventsRepository) {}

  async list(principal: Principal): Promise<EventResponse[]> {
    return this.respond(principal, await this.events.listVisible(principal));
  }

  /** 404 both for a missing event and for one the caller may not see, so slugs do not leak. */
  async get(principal: Principal, slug: string): Promise<EventResponse> {
    return (await this.respond(principal, [await this.visible(principal, slug)]))[0];
  }

  async visible(principal: Principal, slug: string): Promise<EventWithCounts> {
    const found = await this.events.findVisibleBySlug(principal, slug);
    if (!found) throw new NotFoundException(`Event ${slug} not found`);
    return found;
  }

  async slots(principal: Principal, slug: string): Promise<SlotsResponse> {
    const { event } = await this.visible(principal, slug);
    return { event: event.slug, timeZone: event.timeZone, slotMinutes: event.slotMinutes, breakMinutes: event.breakMinutes, tables: event.tables, slots: slotsOf(event) };
  }

  /** Organisers are listed to admins and organisers only. */
  private async respond(principal: Principal, found: EventWithCounts[]): Promise<EventResponse[]> {
    if (principal.role === 'participant') return found.map((e) => EventResponse.from(e));
    const organisers = await this.events.organisersOf(found.map((e) => e.event.id));
    return found.map((e) => EventResponse.from(e, organisers.get(e.event.id) ?? []));
  }
}
