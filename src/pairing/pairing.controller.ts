import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SlugPipe } from '../common/slug.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { PairSelectionResponse, SelectedPairResponse, SelectPairsDto, UpdateSelectedPairDto } from './dto/pair-selection.dto';
import { PairingService } from './pairing.service';

@ApiTags('pairing')
@ApiBearerAuth()
@Controller('api/events/:event/selection')
@Roles('admin', 'organiser')
export class PairingController {
  constructor(private readonly pairing: PairingService) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    type: PairSelectionResponse,
    description: 'Chooses which pairs meet: forced, confirmed and mutual pairs first, then must-meet, then the best suggestions, within each participant’s capacity, giving everyone its minimum where possible. Pairs of meetings locked in the current schedule stay selected unless now forbidden or declined. Warns when the pairs exceed slots × tables. Stored as the event’s current selection.',
  })
  select(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string, @Body() dto: SelectPairsDto): Promise<PairSelectionResponse> {
    return this.pairing.select(p, slug, dto);
  }

  @Get()
  @ApiOkResponse({ type: PairSelectionResponse, description: 'The current selection with who fell short of the minimum and why' })
  latest(@CurrentPrincipal() p: Principal, @Param('event', SlugPipe) slug: string): Promise<PairSelectionResponse> {
    return this.pairing.latest(p, slug);
  }

  @Patch('pairs/:pairId')
  @ApiOkResponse({
    type: SelectedPairResponse,
    description: 'Restricts a pair of the current selection to a session, or names the representative of a side meeting in parallel who attends. Kept when the pairs are selected again; the next schedule run applies it.',
  })
  @ApiBadRequestResponse({ description: 'Details name the field: an unknown session, one a side does not attend, or a representative beyond a side’s parallelMeetings' })
  @ApiNotFoundResponse({ description: 'No such pair in the event’s current selection' })
  updatePair(
    @CurrentPrincipal() p: Principal,
    @Param('event', SlugPipe) slug: string,
    @Param('pairId', UuidPipe) pairId: string,
    @Body() dto: UpdateSelectedPairDto,
  ): Promise<SelectedPairResponse> {
    return this.pairing.updatePair(p, slug, pairId, dto);
  }
}
