import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

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

export class OrgRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class SelectedPairResponse {
  @ApiProperty({ type: OrgRef }) a: OrgRef;
  @ApiProperty({ type: OrgRef }) b: OrgRef;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ['forced', 'confirmed', 'mutual', 'must-meet', 'suggested'] }) kind: string;
}

export class ParticipantSelectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() selected: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ description: 'min(max meetings, available slots)' }) capacity: number;
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
