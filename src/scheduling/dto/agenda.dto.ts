import { ApiProperty } from '@nestjs/swagger';
import type { Agenda, AgendaEntry, RepresentativeRef } from '../agenda-format';

// The agenda's OpenAPI shape; `implements` keeps it in step with what agendaOf returns.

export class RepresentativeRefResponse implements RepresentativeRef {
  @ApiProperty({ description: '1-based' }) number: number;
  @ApiProperty({ nullable: true, type: String, description: 'From the participant’s representativeNames, where given' }) name: string | null;
}

export class AgendaPartnerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ type: RepresentativeRefResponse, nullable: true, description: 'Who of the partner attends, when it meets in parallel' }) representative: RepresentativeRefResponse | null;
}

export class AgendaEntryResponse implements AgendaEntry {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ description: 'Index into the event’s slot grid' }) slot: number;
  @ApiProperty({ type: RepresentativeRefResponse, nullable: true, description: 'Who of the participant attends, when it meets in parallel; null: the whole team' })
  representative: RepresentativeRefResponse | null;
  @ApiProperty({ type: AgendaPartnerResponse }) partner: AgendaPartnerResponse;
  @ApiProperty({ description: '1-based' }) table: number;
  @ApiProperty({ example: '2007-11-15T09:00+01:00', description: 'Venue time: local time in the event’s time zone (timeZone), with offset' }) start: string;
  @ApiProperty({ example: '2007-11-15T09:20+01:00' }) end: string;
  @ApiProperty({ nullable: true, type: String, example: '2007-11-15T17:00+09:00', description: 'The same instant in the participant’s home time zone (homeTimeZone); null when that is unknown' })
  homeStart: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2007-11-15T17:20+09:00' }) homeEnd: string | null;
  @ApiProperty({ example: '2007-11-15T08:00:00.000Z' }) startUtc: string;
  @ApiProperty({ example: '2007-11-15T08:20:00.000Z' }) endUtc: string;
  @ApiProperty({ description: 'No language in common and neither side brings an interpreter' }) interpreterNeeded: boolean;
}

export class AgendaOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AgendaResponse implements Agenda {
  @ApiProperty({ description: 'The event’s slug' }) event: string;
  @ApiProperty() eventName: string;
  @ApiProperty() venue: string;
  @ApiProperty({ type: AgendaOrganisationResponse }) organisation: AgendaOrganisationResponse;
  @ApiProperty({ example: 'Europe/Berlin', description: 'The event’s time zone (IANA): start and end are venue times in it' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String, example: 'Asia/Tokyo', description: 'The participant’s home time zone (its region’s): homeStart and homeEnd are in it; null when unknown' })
  homeTimeZone: string | null;
  @ApiProperty({ format: 'uuid', description: 'The published schedule' }) scheduleId: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ type: [AgendaEntryResponse], description: 'In time order' }) meetings: AgendaEntryResponse[];
}
