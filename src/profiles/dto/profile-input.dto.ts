import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsISO6391,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { HasNoNul, trim } from '../../common/text-rules';
import { COOPERATION_TYPES, ORGANISATION_KINDS, ORGANISATION_SIZES, type CooperationType, type OrganisationKind, type OrganisationSize } from '../profile.types';

const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
// Codes are case-insensitive, so ["DE", "de"] is one language: duplicates are dropped, as for sectors.
const lowerEachUnique = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))] : value;
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

/**
 * An organisation profile as written by HTTP clients and import files. The same rules validate both;
 * sector codes are checked against the taxonomy afterwards.
 */
export class ProfileInputDto {
  @ApiPropertyOptional({ example: 'de-jena-0007', description: 'Caller-chosen id; import rows without the id of a profile are matched by it.', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,119}$/, { message: 'externalId must be 1-120 characters of letters, digits and . _ : @ / -' })
  externalId?: string | null;

  @ApiProperty({ example: 'Saale Optik GmbH', maxLength: 200, description: 'Trimmed; not blank' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be blank' })
  @MaxLength(200)
  @HasNoNul()
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or JP' })
  country: string;

  @ApiProperty({ example: 'Jena', maxLength: 120, description: 'Region name (trimmed; not blank); an unknown region is created under the country.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'region must not be blank' })
  @MaxLength(120)
  @HasNoNul()
  region: string;

  @ApiProperty({ type: [String], example: ['26.70', '32.50'], description: 'NACE Rev. 2 codes (or JSIC:<code>, mapped to NACE).' })
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(trimEach)
  @IsString({ each: true })
  sectors: string[];

  @ApiProperty({ type: [String], example: ['contract manufacturing of optical lenses'] })
  @IsArray()
  @ArrayMaxSize(30)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  @HasNoNul({ each: true })
  offers: string[];

  @ApiProperty({ type: [String], example: ['distribution partner in Japan'] })
  @IsArray()
  @ArrayMaxSize(30)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  @HasNoNul({ each: true })
  seeks: string[];

  @ApiProperty({ enum: COOPERATION_TYPES, isArray: true, description: 'Repeated values count once' })
  @IsArray()
  @Transform(lowerEachUnique)
  @IsIn(COOPERATION_TYPES, { each: true })
  cooperation: CooperationType[];

  @ApiProperty({ type: [String], example: ['de', 'en'], description: 'ISO 639-1 codes; repeated codes count once' })
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(lowerEachUnique)
  @IsISO6391({ each: true, message: 'each value in languages must be an ISO 639-1 code such as de, en or ja' })
  languages: string[];

  @ApiPropertyOptional({ description: 'German, English or Japanese; the language is detected and stored. "" for none; not null.', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @HasNoNul()
  description?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_SIZES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(ORGANISATION_SIZES)
  size?: OrganisationSize | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://example.com' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @MaxLength(300)
  @HasNoNul()
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string | null;
}

export class UpdateProfileDto extends PartialType(ProfileInputDto) {}
