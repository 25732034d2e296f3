import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { trim } from '../../common/text-rules';

const lowerEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;

/** YYYY-MM-DD in 1900–9999 (events take the same range; PostgreSQL has no year 0). */
const ISO_DATE = /^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/;

/**
 * A tie-up as written by admins. That the regions exist, the focus sectors are known and the dates are
 * in order is checked by the service.
 */
export class TieUpInputDto {
  @ApiProperty({ example: 'Jena × Hamamatsu', maxLength: 200, description: 'Unique (case-insensitive).' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'JETRO Regional Industry Tie-Up (RIT) 2007', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  programme: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, description: 'At least two distinct existing regions.' })
  @IsArray()
  @ArrayMinSize(2, { message: 'regionIds must name at least two regions' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each value in regionIds must be a UUID' })
  @ArrayUnique({ message: 'regionIds must not name a region twice' })
  regionIds: string[];

  @ApiPropertyOptional({ type: [String], example: ['optics-photonics', 'ophthalmology', 'biotechnology'], description: 'Focus-sector ids (GET /api/taxonomy/focus-sectors).' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(lowerEach)
  @IsString({ each: true })
  @ArrayUnique({ message: 'focusSectors must not name a sector twice' })
  focusSectors?: string[];

  @ApiPropertyOptional({ example: '2007-04-01', nullable: true, type: String, format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD from 1900 to 9999' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a valid calendar date' })
  startsOn?: string | null;

  @ApiPropertyOptional({ example: '2010-03-31', nullable: true, type: String, format: 'date', description: 'Not before startsOn.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD from 1900 to 9999' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a valid calendar date' })
  endsOn?: string | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(5000)
  description?: string;
}

/** null is rejected for every field but the dates (which it clears). */
export class UpdateTieUpDto extends PartialType(TieUpInputDto, { skipNullProperties: false }) {}
