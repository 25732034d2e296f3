import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../../common/slug.pipe';
import { EVENT_MEETING_RULES, HHMM, ISO_DATE, LIMITS, MEETING_RULE_MODES, type EventMeetingRule, type GroupPair, type MeetingRuleMode } from '../event-setup.types';
import { IsIanaTimeZone } from '../../common/time-zone';
import { trim } from '../../common/text-rules';

const trimEach = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);
const GROUP_NAME = /^\S(.{0,58}\S)?$/;

export class SessionDto {
  @ApiProperty({ example: 'morning', maxLength: 40, description: 'Unique within the day' })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  name: string;

  @ApiProperty({ example: '09:00', description: 'Local time in the event’s time zone (HH:MM, 24 h)' })
  @Matches(HHMM, { message: 'start must be a time HH:MM (00:00 to 23:59)' })
  start: string;

  @ApiProperty({
    example: '12:30',
    description: 'Local time (HH:MM), after start. The last slot ends at or before it. A session may not contain a daylight-saving change (it may end at or start from one).',
  })
  @Matches(HHMM, { message: 'end must be a time HH:MM (00:00 to 23:59)' })
  end: string;
}

export class EventDayDto {
  @ApiProperty({ example: '2007-11-15', description: 'A date between startsOn and endsOn; days in date order, each once' })
  @Matches(ISO_DATE, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({
    type: [SessionDto],
    description: 'Sessions in time order, not overlapping. Default: morning 09:00–12:30 and afternoon 13:30–17:00.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.sessionsPerDay)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions?: SessionDto[];
}

/**
 * An event as organisers set it up. Left-out set-up fields take these defaults: one day (startsOn)
 * with a morning 09:00–12:30 and an afternoon 13:30–17:00 session, 20-minute slots without breaks,
 * 10 tables, meetings across countries (required), no minimum and no maximum of meetings.
 */
export class CreateEventDto {
  @ApiProperty({ example: 'medica-2007-hamamatsu-jena', description: 'Unique; lower-case letters, digits and hyphens' })
  @Matches(SLUG_PATTERN, { message: 'slug must be 1-120 characters of a-z, 0-9 and - (starting with a letter or digit)' })
  slug: string;

  @ApiProperty({ example: 'MEDICA 2007 Hamamatsu × Jena seminar', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'Messe Düsseldorf, Hall 3', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone, matched case-insensitively and stored as IANA spells it; session times are local to it' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiProperty({ example: '2007-11-15', description: 'A date from 1900-01-01 to 9999-12-31' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn: string;

  @ApiPropertyOptional({ example: '2007-11-16', description: 'Default: the last of days, or startsOn' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn?: string;

  @ApiPropertyOptional({
    type: [EventDayDto],
    description: 'Meeting days with their sessions. Default (or null on update): startsOn with the default sessions.',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.days)
  @ValidateNested({ each: true })
  @Type(() => EventDayDto)
  days?: EventDayDto[] | null;

  @ApiPropertyOptional({ default: 20, minimum: LIMITS.slotMinutes.min, maximum: LIMITS.slotMinutes.max, description: 'Length of every meeting slot' })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.slotMinutes.min)
  @Max(LIMITS.slotMinutes.max)
  slotMinutes?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: LIMITS.breakMinutes.max, description: 'Pause between consecutive slots of a session' })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.breakMinutes.min)
  @Max(LIMITS.breakMinutes.max)
  breakMinutes?: number;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: LIMITS.tables.max, description: 'Meetings that can run at the same time' })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.tables.min)
  @Max(LIMITS.tables.max)
  tables?: number;

  @ApiPropertyOptional({ enum: EVENT_MEETING_RULES, default: 'cross-country', description: 'groups: only members of the allowed group pairs meet' })
  @IsOptional()
  @IsIn(EVENT_MEETING_RULES)
  meetingRule?: EventMeetingRule;

  @ApiPropertyOptional({ enum: MEETING_RULE_MODES, default: 'required', description: 'required: the rule excludes pairs; preferred: it only scores' })
  @IsOptional()
  @IsIn(MEETING_RULE_MODES)
  meetingRuleMode?: MeetingRuleMode;

  @ApiPropertyOptional({ type: [String], example: ['jena-optics', 'hamamatsu-photonics'], description: 'Named groups participants can be put in' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.groups)
  @Transform(trimEach)
  @IsString({ each: true })
  @Matches(GROUP_NAME, { each: true, message: 'each group name must be 1-60 characters without leading or trailing spaces' })
  groups?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
    example: [['jena-optics', 'hamamatsu-photonics']],
    description: 'Allowed pairs of groups (unordered); [a, a] lets members of a meet each other',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.groups * LIMITS.groups)
  @IsArray({ each: true })
  groupPairs?: GroupPair[];

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'Meetings each participant should get at least (participants may override)' })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.meetings.min)
  @Max(LIMITS.meetings.max)
  minMeetings?: number;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'Meetings each participant gets at most; null: as many as fit' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(LIMITS.meetings.min)
  @Max(LIMITS.meetings.max)
  maxMeetings?: number | null;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100, description: 'Suggestions kept in each participant’s match list' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  suggestionsK?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The tie-up the event belongs to' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  tieUpId?: string | null;
}

/** Any subset of the event's fields; the slug stays. */
export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['slug'] as const)) {}
