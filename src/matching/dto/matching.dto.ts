import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_WEIGHT } from '../../scoring/core';

export class PreviewWeightsDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: MAX_WEIGHT }, description: 'Candidate weights (missing components keep the default)' })
  @IsObject()
  weights: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], description: 'Organisation ids to preview; default: an even sample' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  participants?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10, description: 'Sample size when no participants are named' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  sample?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: "Default: the event's list length" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  k?: number;
}

export class RankChangeResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) before: number | null;
  @ApiProperty({ nullable: true, type: Number }) after: number | null;
  @ApiProperty({ nullable: true, type: Number }) scoreBefore: number | null;
  @ApiProperty({ nullable: true, type: Number }) scoreAfter: number | null;
}

export class ParticipantPreview {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [RankChangeResponse] }) entered: RankChangeResponse[];
  @ApiProperty({ type: [RankChangeResponse] }) left: RankChangeResponse[];
  @ApiProperty({ type: [RankChangeResponse] }) moved: RankChangeResponse[];
  @ApiProperty() unchanged: number;
}

export class PreviewResponse {
  @ApiProperty() event: string;
  @ApiProperty() k: number;
  @ApiProperty({ description: 'Version of the weights in force, compared against' }) currentVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) currentWeights: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) candidateWeights: Record<string, number>;
  @ApiProperty({ type: [ParticipantPreview] }) participants: ParticipantPreview[];
}

export class SuggestionOrganisation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() region: string;
  @ApiProperty() kind: string;
}

export class ComponentBreakdown {
  @ApiProperty() component: string;
  @ApiProperty() value: number;
  @ApiProperty() weight: number;
  @ApiProperty() contribution: number;
}

export class ReasonResponse {
  @ApiProperty({ example: 'offer_meets_need' }) code: string;
  @ApiProperty() component: string;
  @ApiProperty({ example: "B offers 'contract manufacturing of optical lenses', which A seeks" }) message: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params: Record<string, unknown>;
}

export class SuggestionResponse {
  @ApiProperty() rank: number;
  @ApiProperty({ type: SuggestionOrganisation }) organisation: SuggestionOrganisation;
  @ApiProperty() score: number;
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ type: [ComponentBreakdown] }) breakdown: ComponentBreakdown[];
  @ApiProperty({ type: [ReasonResponse] }) reasons: ReasonResponse[];
}

export class SuggestionsResponse {
  @ApiProperty() event: string;
  @ApiProperty({ type: SuggestionOrganisation }) organisation: SuggestionOrganisation;
  @ApiProperty({ enum: ['ready', 'pending'], description: 'pending: no list computed yet (a run is queued)' }) status: 'ready' | 'pending';
  @ApiProperty({ nullable: true, type: Number }) weightVersion: number | null;
  @ApiProperty({ nullable: true, type: String }) weightScope: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Whether the list was computed with the weights in force for the event now (false: computed with an earlier set, a recompute is due or under way); null while pending',
  })
  weightsCurrent: boolean | null;
  @ApiProperty({ nullable: true, type: Date }) computedAt: Date | null;
  @ApiProperty({ type: [SuggestionResponse] }) suggestions: SuggestionResponse[];
}

export class MatchRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ enum: ['full', 'changes'], description: 'full: every list recomputed; changes: the profiles changed since the lists were written applied to them (participants: how many)' })
  kind: string;
  @ApiProperty() trigger: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty() progress: number;
  @ApiProperty() participants: number;
  @ApiProperty() pairsScored: number;
  @ApiProperty({ nullable: true, type: Number }) weightVersion: number | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
}

export class MatchingStatusResponse {
  @ApiProperty() event: string;
  @ApiProperty({ enum: ['idle', 'queued', 'running', 'failed'], description: 'State of the newest run' }) status: string;
  @ApiProperty() progress: number;
  @ApiProperty({ type: MatchRunResponse, nullable: true }) lastRun: MatchRunResponse | null;
  @ApiProperty({ type: MatchRunResponse, nullable: true }) lastCompletedRun: MatchRunResponse | null;
  @ApiProperty() weightVersion: number;
  @ApiProperty() weightScope: string;
  @ApiProperty() listsStored: number;
  @ApiProperty({ description: 'Stored lists computed with another weight set than the one in force (weightVersion, weightScope): a recompute is due or under way' })
  listsOnOtherWeights: number;
}

export class PairExplanation {
  @ApiProperty({ type: SuggestionOrganisation, description: 'Whose view: the list owner' }) a: SuggestionOrganisation;
  @ApiProperty({ type: SuggestionOrganisation, description: 'The candidate partner' }) b: SuggestionOrganisation;
  @ApiProperty() weightVersion: number;
  @ApiProperty() score: number;
  @ApiProperty({ nullable: true, type: Object, description: 'Why the pair may not meet, if so' }) excluded: { code: string; message: string } | null;
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ type: [ComponentBreakdown] }) breakdown: ComponentBreakdown[];
  @ApiProperty({ type: [ReasonResponse] }) reasons: ReasonResponse[];
}
