import { ApiProperty } from '@nestjs/swagger';
import { MEETING_RULES, type MeetingRule } from '../../profiles/profile.types';
import type { EventWithCounts } from '../events.repository';

export class TieUpSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() programme: string;
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
  @ApiProperty({ enum: MEETING_RULES }) meetingRule: MeetingRule;
  @ApiProperty({ type: TieUpSummary, nullable: true }) tieUp: TieUpSummary | null;
  @ApiProperty() participantCount: number;

  static from({ event, participantCount }: EventWithCounts): EventResponse {
    return {
      id: event.id,
      slug: event.slug,
      name: event.name,
      description: event.description,
      venue: event.venue,
      timeZone: event.timeZone,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      meetingRule: event.meetingRule,
      tieUp: event.tieUp ? { id: event.tieUp.id, name: event.tieUp.name, programme: event.tieUp.programme } : null,
      participantCount,
    };
  }
}
