import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { ReviewSettingsDto, SetMarkDto, SetPairDto } from './dto/review-input.dto';
import { ConfirmedPairsResponse, DemandResponse, MarkResponse, MarksResponse, PairRuleResponse, ReviewSettingsResponse } from './dto/review.response';
import { ReviewsService } from './reviews.service';
import { UuidPipe } from '../common/uuid.pipe';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/events/:event')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('participants/:org/marks')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: MarksResponse, description: "The participant's marks on candidates. A company sees only its own." })
  marks(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<MarksResponse> {
    return this.reviews.marks(p, slug, org);
  }

  @Put('participants/:org/marks/:candidate')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: MarkResponse, description: 'not-interested excludes the pair everywhere in the event and closes pending requests between the two' })
  @ApiConflictResponse({ description: "must-meet or interested on a pair that may not meet: the organisers forbade it, or the event's who-meets-whom rule excludes it and the organisers did not force it (details name candidate)" })
  setMark(
    @CurrentPrincipal() p: Principal,
    @Param('event', SlugPipe) slug: string,
    @Param('org', UuidPipe) org: string,
    @Param('candidate', UuidPipe) candidate: string,
    @Body() dto: SetMarkDto,
  ): Promise<MarkResponse> {
    return this.reviews.setMark(p, slug, org, candidate, dto.mark);
  }

  @Delete('participants/:org/marks/:candidate')
  @HttpCode(204)
  @Roles('admin', 'organiser', 'participant')
  @ApiNoContentResponse({ description: 'The mark is cleared (also when there was none)' })
  clearMark(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string, @Param('candidate', UuidPipe) candidate: string): Promise<void> {
    return this.reviews.clearMark(p, slug, org, candidate);
  }

  @Get('participants/:org/confirmed')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ConfirmedPairsResponse, description: 'Partners with mutual interest or an accepted request' })
  confirmed(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<ConfirmedPairsResponse> {
    return this.reviews.confirmed(p, slug, org);
  }

  @Get('pairs')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: [PairRuleResponse], description: 'Pairs the organisers forced or forbade' })
  pairs(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<PairRuleResponse[]> {
    return this.reviews.pairRules(p, slug);
  }

  @Put('pairs/:a/:b')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: PairRuleResponse, description: 'forced: the pair should meet; forbidden: excluded everywhere in the event' })
  setPair(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('a', UuidPipe) a: string, @Param('b', UuidPipe) b: string, @Body() dto: SetPairDto): Promise<PairRuleResponse> {
    return this.reviews.setPair(p, slug, a, b, dto.state);
  }

  @Delete('pairs/:a/:b')
  @HttpCode(204)
  @Roles('admin', 'organiser')
  @ApiNoContentResponse({ description: 'The organisers’ decision on the pair is cleared' })
  async clearPair(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('a', UuidPipe) a: string, @Param('b', UuidPipe) b: string): Promise<void> {
    await this.reviews.setPair(p, slug, a, b, null);
  }

  @Get('review-settings')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: ReviewSettingsResponse })
  settings(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<ReviewSettingsResponse> {
    return this.reviews.settings(p, slug);
  }

  @Put('review-settings')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: ReviewSettingsResponse, description: 'Changes the given settings; the others keep their values' })
  saveSettings(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: ReviewSettingsDto): Promise<ReviewSettingsResponse> {
    return this.reviews.saveSettings(p, slug, dto);
  }

  @Get('demand')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: DemandResponse, description: 'Per participant: how much it is wanted, requests, confirmed pairs; wanted by many / by none' })
  demand(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<DemandResponse> {
    return this.reviews.demand(p, slug);
  }
}
