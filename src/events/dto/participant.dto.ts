import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO6391,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '../event-setup.types';

const lowerEach = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value);
const trimEach = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** A participant's settings at one event. Every field is optional; left out means the default. */
export class ParticipantSettingsDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'jena-optics', description: 'One of the event’s groups (for the groups rule)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 60)
  group?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'Overrides the event’s minimum; null: the event’s' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(LIMITS.meetings.min)
  @Max(LIMITS.meetings.max)
  minMeetings?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'Overrides the event’s maximum; null: the event’s' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(LIMITS.meetings.min)
  @Max(LIMITS.meetings.max)
  maxMeetings?: number | null;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: LIMITS.representatives.max, description: 'People the organisation sends. Default: 1, or the number of names given.' })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.representatives.min)
  @Max(LIMITS.representatives.max)
  representatives?: number;

  @ApiPropertyOptional({ type: [String], example: ['Dr. Anna Weber'], description: 'Names of representatives, where known (optional)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.representatives.max)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  representativeNames?: string[];

  @ApiPropertyOptional({ type: [Number], example: [0, 1], description: 'Indices of the event’s slots (GET …/slots) the participant cannot meet in' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.slots)
  @IsInt({ each: true })
  @Min(0, { each: true })
  blockedSlots?: number[];

  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    example: ['morning'],
    description: 'Names of the event’s sessions (days[].sessions[].name) the participant attends, on every day; null: all of them',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.sessionNames)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  sessions?: string[] | null;

  @ApiPropertyOptional({
    default: 1,
    minimum: 1,
    maximum: LIMITS.representatives.max,
    description: 'Meetings it may hold at once, each by another representative (at most representatives). Set by the organisers.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.representatives.max)
  parallelMeetings?: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    example: 3,
    description: 'Its own table (1..tables, e.g. an exhibitor’s stand): all its meetings are held there. One participant per table; null: none. Set by the organisers.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(LIMITS.tables.max)
  fixedTable?: number | null;

  @ApiPropertyOptional({ nullable: true, type: [String], example: ['de', 'en'], description: 'ISO 639-1 codes it can meet in here; null: those of its profile' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Transform(lowerEach)
  @IsISO6391({ each: true, message: 'each value in languages must be an ISO 639-1 code such as de, en or ja' })
  languages?: string[] | null;

  @ApiPropertyOptional({ default: false, description: 'Whether it brings its own interpreter' })
  @IsOptional()
  @IsBoolean()
  bringsInterpreter?: boolean;
}

/** An organisation from the profile pool joining the event: by id or by externalId (one of the two). */
export class AddParticipantDto extends ParticipantSettingsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: AddParticipantDto) => o.organisationId !== undefined || o.externalId === undefined)
  @IsUUID(undefined, { message: 'give organisationId (a UUID) or externalId' })
  organisationId?: string;

  @ApiPropertyOptional({ example: 'demo-de-jena-0001' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,119}$/, { message: 'externalId must be 1-120 characters of letters, digits and . _ : @ / -' })
  externalId?: string;
}

export class AddParticipantsDto {
  @ApiProperty({ type: [AddParticipantDto], description: 'Organisations to add (all or nothing)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AddParticipantDto)
  participants: AddParticipantDto[];
}

/**
 * Changes to a participant. Organisers may change everything; a participant itself only its
 * availability (blockedSlots, sessions), representatives and language needs.
 */
export class UpdateParticipantDto extends PartialType(ParticipantSettingsDto) {}

/** The fields a participant may change about itself. */
export const SELF_SERVICE_FIELDS = ['blockedSlots', 'sessions', 'representatives', 'representativeNames', 'languages', 'bringsInterpreter'] as const;
