import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_MEETING_RULES, MEETING_RULE_MODES, type EventMeetingRule, type GroupPair, type MeetingRuleMode } from '../event-setup.types';
import { countSlots, resolveDays, sessionNamesOf } from '../event-slots';
import type { EventWithCounts } from '../events.repository';

export class TieUpSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() programme: string;
}

export class SessionView {
  @ApiProperty({ example: 'morning' }) name: string;
  @ApiProperty({ example: '09:00' }) start: string;
  @ApiProperty({ example: '12:30' }) end: string;
}

export class EventDayView {
  @ApiProperty({ example: '2007-11-15' }) date: string;
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
}

export class OrganiserView {
  @ApiProperty({ format: 'uuid', description: 'The organiser’s API key id' }) id: string;
  @ApiProperty() name: string;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'medica-2007-hamamatsu-jena' }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() venue: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty({ example: '2007-11-15' }) startsOn: string;
  @ApiProperty({ example: '2007-11-15' }) endsOn: string;
  @ApiProperty({ type: [EventDayView], description: 'Meeting days and sessions (the defaults when none were set)' }) days: EventDayView[];
  @ApiProperty({ type: [String], example: ['morning', 'afternoon'], description: 'The session names the days use: what participants’ sessions and meeting session restrictions name' })
  sessionNames: string[];
  @ApiProperty({ example: 20 }) slotMinutes: number;
  @ApiProperty({ example: 0 }) breakMinutes: number;
  @ApiProperty({ example: 10 }) tables: number;
  @ApiProperty({ description: 'Slots the days and sessions make (GET /api/events/{event}/slots lists them)' }) slotCount: number;
  @ApiProperty({ enum: EVENT_MEETING_RULES }) meetingRule: EventMeetingRule;
  @ApiProperty({ enum: MEETING_RULE_MODES }) meetingRuleMode: MeetingRuleMode;
  @ApiProperty({ type: [String] }) groups: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) groupPairs: GroupPair[];
  @ApiProperty() minMeetings: number;
  @ApiProperty({ nullable: true, type: Number }) maxMeetings: number | null;
  @ApiProperty() suggestionsK: number;
  @ApiProperty() organisersMayTuneWeights: boolean;
  @ApiProperty({ type: TieUpSummary, nullable: true }) tieUp: TieUpSummary | null;
  @ApiProperty() participantCount: number;
  @ApiPropertyOptional({ type: [OrganiserView], description: 'Admins and organisers only' }) organisers?: OrganiserView[];

  static from({ event, participantCount }: EventWithCounts, organisers?: OrganiserView[]): EventResponse {
    const days = resolveDays(event.days, event.startsOn);
    return {
      id: event.id,
      slug: event.slug,
      name: event.name,
      description: event.description,
      venue: event.venue,
      timeZone: event.timeZone,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      days,
      sessionNames: sessionNamesOf(days),
      slotMinutes: event.slotMinutes,
      breakMinutes: event.breakMinutes,
      tables: event.tables,
      slotCount: countSlots(days, event.slotMinutes, event.breakMinutes),
      meetingRule: event.meetingRule,
      meetingRuleMode: event.meetingRuleMode,
      groups: event.groups,
      groupPairs: event.groupPairs ?? [],
      minMeetings: event.minMeetings,
      maxMeetings: event.maxMeetings,
      suggestionsK: event.suggestionsK,
      organisersMayTuneWeights: event.organisersMayTuneWeights,
      tieUp: event.tieUp ? { id: event.tieUp.id, name: event.tieUp.name, programme: event.tieUp.programme } : null,
      participantCount,
      ...(organisers ? { organisers } : {}),
    };
  }
}

export class SlotView {
  @ApiProperty({ description: 'What availability (blockedSlots) and the scheduler refer to' }) index: number;
  @ApiProperty({ description: '0-based position of the day' }) dayIndex: number;
  @ApiProperty({ example: '2007-11-15' }) day: string;
  @ApiProperty({ example: 'morning' }) session: string;
  @ApiProperty({ example: '09:00', description: 'Local time in the event’s time zone' }) start: string;
  @ApiProperty({ example: '09:20' }) end: string;
  @ApiProperty({ example: '2007-11-15T08:00:00.000Z' }) startUtc: string;
  @ApiProperty({ example: '2007-11-15T08:20:00.000Z' }) endUtc: string;
}

export class SlotsResponse {
  @ApiProperty() event: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() slotMinutes: number;
  @ApiProperty() breakMinutes: number;
  @ApiProperty() tables: number;
  @ApiProperty({ type: [SlotView] }) slots: SlotView[];
}
