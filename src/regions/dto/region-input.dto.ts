import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsIanaTimeZone } from '../../common/time-zone';
import { trim } from '../../common/text-rules';

const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A region as written by admins. That the subdivision lies in the country is checked by the service. */
export class RegionInputDto {
  @ApiProperty({ example: 'Jena', maxLength: 120, description: 'Unique within the country (case-insensitive).' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or JP' })
  country: string;

  @ApiPropertyOptional({ example: 'DE-TH', nullable: true, type: String, description: 'ISO 3166-2 code; starts with the country code.' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'subdivision must be an ISO 3166-2 code such as DE-TH or JP-22' })
  subdivision?: string | null;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsIanaTimeZone()
  timeZone: string;
}

/** null is rejected for every field but subdivision (which it clears). */
export class UpdateRegionDto extends PartialType(RegionInputDto, { skipNullProperties: false }) {}
