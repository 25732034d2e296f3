import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ParticipantOrganisation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ example: 'JP' }) country: string;
  @ApiProperty({ example: 'Hamamatsu' }) region: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Not shown to co-participants' }) externalId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Not shown to co-participants' }) contactEmail?: string | null;
}

/**
 * A participant of an event. Co-participants see only the organisation's public fields and its group;
 * admins, the event's organisers and the participant itself see everything.
 */
export class ParticipantResponse {
  @ApiProperty({ type: ParticipantOrganisation }) organisation: ParticipantOrganisation;
  @ApiProperty({ nullable: true, type: String }) group: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Own minimum; null: the event’s' }) minMeetings?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Own maximum; null: the event’s' }) maxMeetings?: number | null;
  @ApiPropertyOptional({ description: 'The minimum that applies (own or the event’s)' }) effectiveMinMeetings?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The maximum that applies; null: as many as fit' }) effectiveMaxMeetings?: number | null;
  @ApiPropertyOptional() representatives?: number;
  @ApiPropertyOptional({ type: [String] }) representativeNames?: string[];
  @ApiPropertyOptional({ type: [Number] }) blockedSlots?: number[];
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'Sessions it attends; null: all' }) sessions?: string[] | null;
  @ApiPropertyOptional({ description: 'Meetings it holds at once (one per representative)' }) parallelMeetings?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Its own table (1-based); null: none' }) fixedTable?: number | null;
  @ApiPropertyOptional({ type: [String], description: 'Languages it meets in here (its own or its profile’s)' }) languages?: string[];
  @ApiPropertyOptional({ description: 'True when languages come from the profile' }) languagesFromProfile?: boolean;
  @ApiPropertyOptional() bringsInterpreter?: boolean;
  @ApiPropertyOptional() joinedAt?: Date;
  @ApiPropertyOptional() updatedAt?: Date;
}

export class ParticipantListResponse {
  @ApiProperty() event: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [ParticipantResponse] }) participants: ParticipantResponse[];
}
