import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMPONENTS, MAX_WEIGHT } from '../core';

const weightsSchema = {
  type: 'object',
  additionalProperties: { type: 'number', minimum: 0, maximum: MAX_WEIGHT },
  example: { complementarity: 0.55, sector: 0.18, text: 0.08, cooperation: 0.03, language: 0.06, region: 0.05, focus: 0.05 },
} as const;

export class ReplaceWeightsDto {
  @ApiProperty({ ...weightsSchema, description: `Relative weights of ${COMPONENTS.join(', ')}; missing components keep the default. Idempotent: the weights already in force add no version (changed: false).` })
  @IsObject()
  weights: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

// Versions are stored as PostgreSQL integers; a larger number would fail the query (500), not find nothing.
const MAX_VERSION = 2_147_483_647;

export class RollbackWeightsDto {
  @ApiProperty({ minimum: 1, maximum: MAX_VERSION, description: 'The version to restore; it comes back as a new version (409 when its weights are those in force).' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version: number;
}

export class WeightSetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'global', description: '"global" or "event:<id>"' }) scope: string;
  @ApiProperty() version: number;
  @ApiProperty({ ...weightsSchema, nullable: true, description: 'The set; null for a marker (followsGlobal)' }) weights: Record<string, number> | null;
  @ApiProperty({ description: "True for an event's marker version: from it on the event follows the global set" }) followsGlobal: boolean;
  @ApiProperty() note: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: "True for the scope's latest version (the set in force, or the marker that makes the event follow the global set)" }) current: boolean;
}

export class WeightsPolicyDto {
  @ApiProperty({ description: "Whether the event's organisers may tune its weights" })
  @IsBoolean()
  organisersMayTuneWeights: boolean;
}
