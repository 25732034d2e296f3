import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { SlugPipe } from '../../common/slug.pipe';
import { UuidPipe } from '../../common/uuid.pipe';
import { AddParticipantsDto, UpdateParticipantDto } from '../dto/participant.dto';
import { ParticipantListResponse, ParticipantResponse } from '../dto/participant.response';
import { ParticipantsService } from './participants.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events/:event/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({
    type: ParticipantListResponse,
    description: 'Admins and organisers see everything; a participant sees its own entry in full and of the others only name, kind, country, region and group.',
  })
  list(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<ParticipantListResponse> {
    return this.participants.list(p, slug);
  }

  @Post()
  @Roles('admin', 'organiser')
  @ApiCreatedResponse({ type: ParticipantListResponse, description: 'The added participants. All or nothing; match lists are recomputed.' })
  @ApiConflictResponse({ description: 'An organisation takes part already, or its fixedTable is taken (details name the entries)' })
  add(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: AddParticipantsDto): Promise<ParticipantListResponse> {
    return this.participants.add(p, slug, dto);
  }

  @Get(':org')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ParticipantResponse })
  get(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<ParticipantResponse> {
    return this.participants.get(p, slug, org);
  }

  @Patch(':org')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiForbiddenResponse({ description: 'A participant tried to change what organisers set (group, min/max meetings, parallelMeetings, fixedTable)' })
  @ApiConflictResponse({ description: 'fixedTable is the own table of another participant (details name the field)' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('event', SlugPipe) slug: string,
    @Param('org', UuidPipe) org: string,
    @Body() dto: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    return this.participants.update(p, slug, org, dto);
  }

  @Delete(':org')
  @HttpCode(204)
  @Roles('admin', 'organiser', 'participant')
  @ApiNoContentResponse({ description: 'Organisers remove a participant; a participant may leave (only itself)' })
  @ApiConflictResponse({ description: 'The participant has meetings in the published schedule' })
  remove(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<void> {
    return this.participants.remove(p, slug, org);
  }
}
