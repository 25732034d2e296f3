import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { badField } from '../common/field-error';
import { UuidPipe } from '../common/uuid.pipe';
import { ExportProfilesQuery, ImportProfilesQuery } from './dto/import-export.query';
import { ListProfilesQuery } from './dto/list-profiles.query';
import { ProfileInputDto, UpdateProfileDto } from './dto/profile-input.dto';
import { ImportResult, ProfilePage, ProfileResponse } from './dto/profile.response';
import { ProfileImportService } from './profile-import.service';
import type { ProfileFormat } from './profile-records';
import { ProfilesService } from './profiles.service';

const CONTENT_TYPES: Record<ProfileFormat, string> = {
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function formatOf(req: Request, given?: ProfileFormat): ProfileFormat {
  if (given) return given;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'application/json') return 'json';
  throw badField('format', 'give ?format=json|jsonl|csv or a Content-Type of application/json, application/x-ndjson or text/csv');
}

@ApiTags('profiles')
@ApiBearerAuth()
@Controller('api/profiles')
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly imports: ProfileImportService,
  ) {}

  @Get()
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: ProfilePage })
  list(@Query() q: ListProfilesQuery): Promise<ProfilePage> {
    return this.profiles.list(q);
  }

  @Get('export')
  @Roles('admin', 'organiser')
  @ApiProduces('application/json', 'application/x-ndjson', 'text/csv')
  @ApiOkResponse({ description: 'Profiles in the requested format (the import formats)' })
  async export(@Query() q: ExportProfilesQuery, @Res() res: Response): Promise<void> {
    const format = q.format ?? 'jsonl';
    const text = await this.imports.exportText(this.profiles.toFilter(q), format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="profiles.${format}"`);
    // A byte order mark, as on the other CSV downloads: without it Excel reads the file as ANSI and
    // shows 浜松ホトニクス as mojibake. The import skips it.
    res.send(format === 'csv' ? `\uFEFF${text}` : text);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiConsumes('application/json', 'application/x-ndjson', 'text/csv')
  @ApiBody({ description: 'A JSON array, JSON Lines or CSV (list fields separated by ;, with \\; and \\\\ for a ; or \\ inside an item). A row updates the profile with its id (exports carry it), else the one with its externalId, else creates one; all or nothing.', schema: { type: 'string' } })
  @ApiOkResponse({ type: ImportResult })
  @ApiBadRequestResponse({ description: 'Nothing was written; details list every bad row with line, field and reason (including rows updating a profile the key may not change)' })
  async import(@Req() req: Request, @Query() q: ImportProfilesQuery, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ImportResult> {
    const format = formatOf(req, q.format);
    const text = typeof body === 'string' ? body : body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0 && !Array.isArray(body)) ? '' : JSON.stringify(body);
    if (!text.trim()) throw badField('body', 'the request body is empty');
    const { organisationIds: _, ...result } = await this.imports.importText(text, format, { dryRun: q.dryRun, principal });
    return result;
  }

  @Get(':id')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ProfileResponse })
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ProfileResponse> {
    return this.profiles.get(principal, id);
  }

  @Post()
  @Roles('admin', 'organiser')
  @ApiCreatedResponse({ type: ProfileResponse })
  create(@Body() dto: ProfileInputDto, @CurrentPrincipal() principal: Principal): Promise<ProfileResponse> {
    return this.profiles.create(principal, dto);
  }

  @Patch(':id')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ProfileResponse })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateProfileDto, @CurrentPrincipal() principal: Principal): Promise<ProfileResponse> {
    return this.profiles.update(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @Roles('admin', 'organiser')
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'A published schedule holds meetings of the organisation (details name id)' })
  remove(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.profiles.remove(principal, id);
  }
}
