import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../profile.types';

/**
 * Bounds page so that the offset ((page - 1) × pageSize) stays an exact integer far inside
 * PostgreSQL's range: a page of 1e20 made the query fail with a 500. A million pages of 200 is
 * more than any profile pool holds.
 */
export const MAX_PAGE = 1_000_000;

export class ListProfilesQuery {
  @ApiPropertyOptional({ example: 'JP' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ example: 'Hamamatsu', description: 'Region name (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  region?: string;

  @ApiPropertyOptional({ example: '26', description: 'Sector code; matches the code and everything below it' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  sector?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'Words in the name, description, offers or seeks' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
