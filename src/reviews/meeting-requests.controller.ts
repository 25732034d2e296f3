import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { CreateRequestDto, ListRequestsQuery } from './dto/review-input.dto';
import { MeetingRequestList, MeetingRequestResponse } from './dto/review.response';
import { MeetingRequestsService } from './meeting-requests.service';
import { UuidPipe } from '../common/uuid.pipe';

@ApiTags('reviews')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'participant')
@Controller('api/events/:event/participants/:org/requests')
export class MeetingRequestsController {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Get()
  @ApiOkResponse({ type: MeetingRequestList, description: 'Requests the participant sent and/or received, newest first' })
  list(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Query() q: ListRequestsQuery): Promise<MeetingRequestList> {
    return this.requests.list(p, slug, org, q);
  }

  @Post()
  @ApiCreatedResponse({ type: MeetingRequestResponse, description: 'pending, or accepted at once where the event auto-accepts' })
  @ApiConflictResponse({
    description:
      "A pending or accepted request between the two exists, the pair may not meet (forbidden by the organisers, excluded by the event's who-meets-whom rule and not forced, or marked not-interested either way), or the cap on open outgoing requests is reached",
  })
  create(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Body() dto: CreateRequestDto): Promise<MeetingRequestResponse> {
    return this.requests.create(p, slug, org, dto);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestResponse, description: 'By the recipient' })
  @ApiConflictResponse({ description: 'The request is no longer pending, or the pair may not meet (as for sending; the rule may have changed since)' })
  accept(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Param('id', UuidPipe) id: string): Promise<MeetingRequestResponse> {
    return this.requests.act(p, slug, org, id, 'accept');
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestResponse, description: 'By the recipient' })
  decline(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Param('id', UuidPipe) id: string): Promise<MeetingRequestResponse> {
    return this.requests.act(p, slug, org, id, 'decline');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingRequestResponse, description: 'By the sender (pending or accepted)' })
  cancel(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Param('id', UuidPipe) id: string): Promise<MeetingRequestResponse> {
    return this.requests.act(p, slug, org, id, 'cancel');
  }
}
