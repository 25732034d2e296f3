import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { SlugPipe } from '../../common/slug.pipe';
import { CreateEventDto, UpdateEventDto } from '../dto/event-input.dto';
import { EventResponse } from '../dto/event.response';
import { EventSetupService } from './event-setup.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventSetupController {
  constructor(private readonly setup: EventSetupService) {}

  @Post()
  @Roles('admin', 'organiser')
  @ApiCreatedResponse({ type: EventResponse, description: 'An organiser who creates an event organises it.' })
  @ApiBadRequestResponse({ description: 'Details name every invalid field (e.g. days.0.sessions.1.end)' })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateEventDto): Promise<EventResponse> {
    return this.setup.create(p, dto);
  }

  @Patch(':event')
  @Roles('admin', 'organiser')
  @ApiOkResponse({
    type: EventResponse,
    description:
      'Changes to the slot grid carry participants’ blocked slots over by local time; changes to who meets whom recompute the match lists. Fewer tables than a participant’s own table (400 tables) or removing a session participants attend or selected pairs are restricted to (400 days) are refused.',
  })
  update(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: UpdateEventDto): Promise<EventResponse> {
    return this.setup.update(p, slug, dto);
  }

  @Delete(':event')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'Deletes the event with its participants, organisers, match lists and event weights' })
  remove(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<void> {
    return this.setup.remove(p, slug);
  }
}
