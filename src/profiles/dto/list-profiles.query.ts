import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../profile.types';

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

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
