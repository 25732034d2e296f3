import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../role';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'MEDICA 2007 organiser team', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for participant keys: the organisation the key acts for.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ type: [String], example: ['medica-2007-hamamatsu-jena'], description: 'Organiser keys: the events they organise.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9][a-z0-9-]{0,119}$/, { each: true, message: 'each value in eventSlugs must be an event slug (a-z, 0-9, -)' })
  eventSlugs?: string[];
}
