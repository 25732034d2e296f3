import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { slotsOf } from '../events/events.service';
import { UuidPipe } from '../common/uuid.pipe';
import { agendaCsv, agendaIcs } from './agenda-format';
import { AgendaResponse } from './dto/agenda.dto';
import { CreateScheduleDto, ScheduledMeetingResponse, ScheduleResponse, SetMeetingLockDto } from './dto/schedule.dto';
import { ScheduleExportsService } from './schedule-exports.service';
import { eventSetupFingerprint } from './schedule-setup';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('api/events/:event')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly exports: ScheduleExportsService,
  ) {}

  @Post('schedules')
  @HttpCode(202)
  @Roles('admin', 'organiser')
  @ApiAcceptedResponse({ type: ScheduleResponse, description: 'Queued: a worker schedules the current pair selection into a draft (409 while another run of the event is unfinished)' })
  @ApiServiceUnavailableResponse({ description: 'The job queue refused the run: it is stored as failed ("could not be queued: …") and holds up no other request; try again' })
  async create(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: CreateScheduleDto): Promise<ScheduleResponse> {
    const event = await this.scheduling.visibleEvent(p, slug);
    return ScheduleResponse.from(await this.scheduling.request(event.id, dto, p.keyId === 'cli' ? null : p.keyId), slug, eventSetupFingerprint(event));
  }

  @Get('schedules')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: [ScheduleResponse], description: 'Newest first: status, progress and quality of every run' })
  async list(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<ScheduleResponse[]> {
    const event = await this.scheduling.visibleEvent(p, slug);
    const setup = eventSetupFingerprint(event);
    return (await this.scheduling.list(event.id)).map((s) => ScheduleResponse.from(s, slug, setup));
  }

  @Get('schedules/:id')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: ScheduleResponse, description: 'The run with its meetings (slot, times, table, pair, lock)' })
  async get(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('id', UuidPipe) id: string): Promise<ScheduleResponse> {
    const event = await this.scheduling.visibleEvent(p, slug);
    const schedule = await this.scheduling.find(event.id, id);
    const meetings = await this.scheduling.meetings(schedule.id);
    const names = await this.scheduling.names([...new Set(meetings.flatMap((m) => [m.organisationA, m.organisationB]))]);
    const slots = slotsOf(event);
    return ScheduleResponse.from(schedule, slug, eventSetupFingerprint(event), meetings.map((m) => ScheduledMeetingResponse.from(m, slots, names)));
  }

  @Post('schedules/:id/publish')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiOkResponse({
    type: ScheduleResponse,
    description:
      'Draft → published; the schedule published before is superseded. 409 when the draft breaks a hard constraint, was made for other slots or tables than the event has now, or has meetings of organisations that left the event (schedule again)',
  })
  async publish(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('id', UuidPipe) id: string): Promise<ScheduleResponse> {
    const event = await this.scheduling.visibleEvent(p, slug);
    return ScheduleResponse.from(await this.scheduling.publish(event.id, id), slug, eventSetupFingerprint(event));
  }

  @Post('schedules/:id/unpublish')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiOkResponse({
    type: ScheduleResponse,
    description: 'Published → draft (meetings and locks kept): the event has no published schedule until one is published again; an earlier superseded schedule stays superseded. 409 when the schedule is not the published one',
  })
  async unpublish(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('id', UuidPipe) id: string): Promise<ScheduleResponse> {
    const event = await this.scheduling.visibleEvent(p, slug);
    return ScheduleResponse.from(await this.scheduling.unpublish(event.id, id), slug, eventSetupFingerprint(event));
  }

  @Patch('schedules/:id/meetings/:meetingId')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: ScheduledMeetingResponse, description: 'Locks (or unlocks) a meeting: re-runs keep locked meetings at their slot and table. 409 when the schedule is superseded or a side no longer takes part in the event.' })
  async setLock(
    @CurrentPrincipal() p: Principal,
    @Param('event', SlugPipe) slug: string,
    @Param('id', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body() dto: SetMeetingLockDto,
  ): Promise<ScheduledMeetingResponse> {
    const event = await this.scheduling.visibleEvent(p, slug);
    const meeting = await this.scheduling.setLocked(event, id, meetingId, dto.locked);
    const names = await this.scheduling.names([meeting.organisationA, meeting.organisationB]);
    return ScheduledMeetingResponse.from(meeting, slotsOf(event), names);
  }

  @Get('schedules/:id/grid.csv')
  @Roles('admin', 'organiser')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per slot (event-local time), one column per table, "A × B" in each cell' })
  async grid(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('id', UuidPipe) id: string): Promise<string> {
    const event = await this.scheduling.visibleEvent(p, slug);
    return this.exports.grid(event, id);
  }

  @Get('participants/:org/agenda')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({
    type: AgendaResponse,
    description: 'The participant’s meetings in the published schedule, in venue time (the event’s time zone) with the same times in its home time zone beside them. A company sees only its own.',
  })
  agenda(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<AgendaResponse> {
    return this.exports.agenda(p, slug, org);
  }

  @Get('participants/:org/agenda.ics')
  @Roles('admin', 'organiser', 'participant')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar: one VEVENT per meeting (UTC times; its UID follows the event and pair, so importing again after a new publication moves the meeting); the description gives the venue time and, in another zone, the participant’s home time' })
  async agendaIcs(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<string> {
    return agendaIcs(await this.exports.agenda(p, slug, org));
  }

  @Get('participants/:org/agenda.csv')
  @Roles('admin', 'organiser', 'participant')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per meeting: date, start, end (venue time, the event’s zone), partner, table, interpreter flag, UTC times, then home_start, home_end, home_time_zone (the participant’s home zone)' })
  async agendaCsv(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<string> {
    return agendaCsv(await this.exports.agenda(p, slug, org));
  }
}
