import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { SearchHit } from '../core';

export const SEARCH_KINDS = ['nace', 'focus', 'jsic'] as const satisfies readonly SearchHit['kind'][];
export type SearchKind = (typeof SEARCH_KINDS)[number];

// "nace,focus" and repeated parameters (kinds=nace&kinds=focus) both become ['nace', 'focus'].
function splitList({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((p): p is string => typeof p === 'string')) return value;
  return parts.flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
}

export class TaxonomySearchQuery {
  @ApiProperty({ description: 'Words in German, English or Japanese, or a code (26.70, JSIC:275).', minLength: 1, maxLength: 200, example: 'Optik' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'q must not be blank' })
  q: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated kinds of hits to return (${SEARCH_KINDS.join(', ')}); default all.`,
    example: 'nace,focus',
  })
  @IsOptional()
  @Transform(splitList)
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(SEARCH_KINDS, { each: true })
  kinds?: SearchKind[];
}

export class RelatednessQuery {
  @ApiProperty({ description: 'A NACE code (any accepted spelling) or JSIC:<code>.', example: '26.70', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  a: string;

  @ApiProperty({ description: 'A NACE code (any accepted spelling) or JSIC:<code>.', example: '32.50', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  b: string;
}

export class NaceCodeParam {
  @ApiProperty({ description: 'A NACE code as typed (26.70, 2670, 26.7, C26.70) or a JSIC code that maps to one NACE code (JSIC:275).', example: '26.70' })
  @IsString()
  @Length(1, 40)
  code: string;
}

export class JsicCodeParam {
  @ApiProperty({ description: 'A JSIC Rev. 14 code: major group letter (E) or 2–4 digits (27, 275, 2753), optionally prefixed JSIC:.', example: '275' })
  @IsString()
  @Length(1, 40)
  code: string;
}
