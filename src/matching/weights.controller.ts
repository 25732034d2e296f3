import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { EventEntity } from '../events/event.entity';
import { ReplaceWeightsDto, RollbackWeightsDto, WeightSetResponse, WeightsPolicyDto } from '../scoring/dto/weights.dto';
import { GLOBAL_SCOPE, WeightsService, eventScope } from '../scoring/weights.service';
import { WeightRecomputeService } from './weight-recompute.service';
import { SuggestionsService } from './suggestions.service';

class WeightChangeResponse {
  @ApiProperty({ type: WeightSetResponse }) weightSet: WeightSetResponse;
  @ApiProperty({ description: 'False when a PUT sent the weights already in force: no version was added, and only lists still on other weights (a change whose recompute was lost) are recomputed' }) changed: boolean;
  @ApiProperty({ description: 'Events whose match lists are being recomputed' }) eventsRecomputing: number;
}

class EventWeightsResponse {
  @ApiProperty({ type: WeightSetResponse, description: 'The set in force: the event’s own, else (no own versions, or the latest is a marker) the global one' }) effective: WeightSetResponse;
  @ApiProperty({ type: [WeightSetResponse], description: 'The event’s own versions, markers included, newest first' }) versions: WeightSetResponse[];
  @ApiProperty() organisersMayTuneWeights: boolean;
}

/** Admins tune the global weights; event weights are tuned by admins, or organisers an admin allowed. */
@ApiTags('weights')
@ApiBearerAuth()
@Controller()
export class WeightsController {
  constructor(
    private readonly weights: WeightsService,
    private readonly recompute: WeightRecomputeService,
    private readonly suggestions: SuggestionsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('api/admin/weights')
  @Roles('admin')
  @ApiOkResponse({ type: [WeightSetResponse], description: 'Global weight versions, newest (in force) first' })
  globalVersions(): Promise<WeightSetResponse[]> {
    return this.weights.versions(GLOBAL_SCOPE);
  }

  @Put('api/admin/weights')
  @Roles('admin')
  @ApiOkResponse({ type: WeightChangeResponse })
  async replaceGlobal(@CurrentPrincipal() p: Principal, @Body() dto: ReplaceWeightsDto): Promise<WeightChangeResponse> {
    return this.recompute.recomputeForWeights(null, (onNew) => this.weights.replace(GLOBAL_SCOPE, null, dto.weights, dto.note ?? '', p, onNew));
  }

  @Post('api/admin/weights/rollback')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: WeightChangeResponse })
  async rollbackGlobal(@CurrentPrincipal() p: Principal, @Body() dto: RollbackWeightsDto): Promise<WeightChangeResponse> {
    return this.recompute.recomputeForWeights(null, async (onNew) => ({ weightSet: await this.weights.rollback(GLOBAL_SCOPE, null, dto.version, p, onNew), changed: true }));
  }

  @Get('api/events/:event/weights')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: EventWeightsResponse })
  async eventWeights(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<EventWeightsResponse> {
    const event = await this.suggestions.visibleEvent(p, slug);
    const { effective, versions } = await this.weights.forEvent(event.id);
    return { effective, versions, organisersMayTuneWeights: event.organisersMayTuneWeights };
  }

  @Put('api/events/:event/weights')
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: WeightChangeResponse })
  async replaceEvent(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: ReplaceWeightsDto): Promise<WeightChangeResponse> {
    const event = await this.suggestions.visibleEvent(p, slug);
    this.weights.assertMayTune(p, event);
    return this.recompute.recomputeForWeights(event.id, (onNew) => this.weights.replace(eventScope(event.id), event.id, dto.weights, dto.note ?? '', p, onNew));
  }

  /** The event follows the global weights again: a marker version; 409 when it already does. */
  @Delete('api/events/:event/weights')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: WeightChangeResponse })
  async followGlobal(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<WeightChangeResponse> {
    const event = await this.suggestions.visibleEvent(p, slug);
    this.weights.assertMayTune(p, event);
    return this.recompute.recomputeForWeights(event.id, async (onNew) => ({ weightSet: await this.weights.followGlobal(event.id, p, onNew), changed: true }));
  }

  @Post('api/events/:event/weights/rollback')
  @HttpCode(200)
  @Roles('admin', 'organiser')
  @ApiOkResponse({ type: WeightChangeResponse })
  async rollbackEvent(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: RollbackWeightsDto): Promise<WeightChangeResponse> {
    const event = await this.suggestions.visibleEvent(p, slug);
    this.weights.assertMayTune(p, event);
    return this.recompute.recomputeForWeights(event.id, async (onNew) => ({ weightSet: await this.weights.rollback(eventScope(event.id), event.id, dto.version, p, onNew), changed: true }));
  }

  @Put('api/admin/events/:event/weights-policy')
  @Roles('admin')
  @ApiOkResponse({ type: WeightsPolicyDto })
  async policy(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: WeightsPolicyDto): Promise<WeightsPolicyDto> {
    const event = await this.suggestions.visibleEvent(p, slug);
    await this.db.getRepository(EventEntity).update(event.id, { organisersMayTuneWeights: dto.organisersMayTuneWeights });
    return { organisersMayTuneWeights: dto.organisersMayTuneWeights };
  }
}
