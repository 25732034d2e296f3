import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { MatchingStatusResponse, MatchRunResponse, PairExplanation, PreviewResponse, PreviewWeightsDto, SuggestionsResponse } from './dto/matching.dto';
import { MatchingService } from './matching.service';
import { SuggestionsService, toRun } from './suggestions.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('api/events/:event')
export class MatchingController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly matching: MatchingService,
  ) {}

  @Get('participants/:org/suggestions')
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: SuggestionsResponse, description: 'Ranked suggestions with score, breakdown and reasons. A company sees only its own.' })
  list(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Param('org', UuidPipe) org: string): Promise<SuggestionsResponse> {
    return this.suggestions.suggestions(p, slug, org);
  }

  @Get('pairs/:a/:b/explanation')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: PairExplanation, description: "The score of b in a's list, explained, with the event's current weights" })
  explain(
    @CurrentPrincipal() p: Principal,
    @Param('event', SlugPipe) slug: string,
    @Param('a', UuidPipe) a: string,
    @Param('b', UuidPipe) b: string,
  ): Promise<PairExplanation> {
    return this.suggestions.explain(p, slug, a, b);
  }

  @Get('matching')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: MatchingStatusResponse })
  status(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<MatchingStatusResponse> {
    return this.suggestions.status(p, slug);
  }

  @Post('matching/recompute')
  @HttpCode(202)
  @Roles('admin', 'organiser')
  @ApiAcceptedResponse({ type: MatchRunResponse })
  async recompute(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<MatchRunResponse> {
    const event = await this.suggestions.visibleEvent(p, slug);
    return toRun(await this.matching.requestRecompute(event.id, `requested by ${p.role} ${p.name}`));
  }

  @Post('weights/preview')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: PreviewResponse, description: 'What-if: how top-k lists would change under candidate weights. Saves nothing.' })
  preview(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: PreviewWeightsDto): Promise<PreviewResponse> {
    return this.suggestions.preview(p, slug, dto);
  }
}
