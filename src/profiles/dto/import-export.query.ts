import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PROFILE_FORMATS, type ProfileFormat } from '../profile-records';
import { ListProfilesQuery } from './list-profiles.query';

export class ImportProfilesQuery {
  @ApiPropertyOptional({ enum: PROFILE_FORMATS, description: 'Default: from Content-Type (application/json, application/x-ndjson, text/csv)' })
  @IsOptional()
  @IsIn(PROFILE_FORMATS)
  format?: ProfileFormat;

  @ApiPropertyOptional({ description: 'Validate and count without writing anything' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ExportProfilesQuery extends ListProfilesQuery {
  @ApiPropertyOptional({ enum: PROFILE_FORMATS, default: 'jsonl' })
  @IsOptional()
  @IsIn(PROFILE_FORMATS)
  format?: ProfileFormat;
}
