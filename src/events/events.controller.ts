import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EventResponse, SlotsResponse } from './dto/event.response';
import { EventsService } from './events.service';
import { SlugPipe } from '../common/slug.pipe';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
@Roles('admin', 'organiser', 'participant')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOkResponse({ type: [EventResponse], description: 'Admins see every event, organisers the events they organise, participants those their organisation takes part in.' })
  list(@CurrentPrincipal() principal: Principal): Promise<EventResponse[]> {
    return this.events.list(principal);
  }

  @Get(':event')
  @ApiOkResponse({ type: EventResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('event', SlugPipe) slug: string): Promise<EventResponse> {
    return this.events.get(principal, slug);
  }

  @Get(':event/slots')
  @ApiOkResponse({
    type: SlotsResponse,
    description: 'The meeting slots (days × sessions × slot length) with their indices, local times in the event’s time zone and UTC instants.',
  })
  slots(@CurrentPrincipal() principal: Principal, @Param('event', SlugPipe) slug: string): Promise<SlotsResponse> {
    return this.events.slots(principal, slug);
  }
}
