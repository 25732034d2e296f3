import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { LIMITS } from '../../events/event-setup.types';
import { trim } from '../../common/text-rules';

const PRIORITIES = ['over-all-tiers', 'after-confirmed', 'after-must-meet'] as const;

export class SelectPairsDto {
  @ApiPropertyOptional({
    enum: PRIORITIES,
    default: 'over-all-tiers',
    description: 'Where reaching every participant’s minimum ranks: before all tiers (default), after confirmed/mutual pairs, or after must-meet pairs too.',
  })
  @IsOptional()
  @IsIn(PRIORITIES)
  minimumPriority?: (typeof PRIORITIES)[number];
}

/** Organiser settings of one selected pair; left out: unchanged, null: cleared. */
export class UpdateSelectedPairDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'morning',
    description: 'Restricts the meeting to one of the event’s sessions (days[].sessions[].name), on any day; null: any session',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  session?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    description: 'Which of a’s representatives (1..its parallelMeetings) attends, when a meets in parallel; null: the scheduler balances',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(LIMITS.representatives.max)
  representativeA?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, description: 'Which of b’s representatives attends; null: the scheduler balances' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(LIMITS.representatives.max)
  representativeB?: number | null;
}

export class OrgRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Also of an organisation that has left the event since; "(organisation removed)" once it is deleted, as in schedules' }) name: string;
}

export class SelectedPairResponse {
  @ApiProperty({ format: 'uuid', description: 'For PATCH …/selection/pairs/{pairId}' }) id: string;
  @ApiProperty({ type: OrgRef }) a: OrgRef;
  @ApiProperty({ type: OrgRef }) b: OrgRef;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ['forced', 'confirmed', 'mutual', 'must-meet', 'suggested'] }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'Session the meeting is restricted to; null: any' }) session: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'a’s representative who attends (a meets in parallel); null: the scheduler chooses' }) representativeA: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'b’s representative who attends; null: the scheduler chooses' }) representativeB: number | null;
}

export class ParticipantSelectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '"(organisation removed)" once the organisation is deleted' }) name: string;
  @ApiProperty() selected: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ description: 'min(max meetings, available slots × meetings at once)' }) capacity: number;
  @ApiProperty() shortfall: number;
  @ApiProperty({ type: [String], description: 'Why the minimum was not reached, if so' }) reasons: string[];
}

export class PairSelectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() event: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'exact-bipartite, exact-general or heuristic-general' }) method: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) totals: Record<string, unknown>;
  @ApiProperty({ type: [SelectedPairResponse] }) pairs: SelectedPairResponse[];
  @ApiProperty({ type: [ParticipantSelectionResponse] }) participants: ParticipantSelectionResponse[];
  @ApiProperty({ type: [Object] }) errors: unknown[];
  @ApiProperty({ type: [Object] }) warnings: unknown[];
}
