import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ScoringModule } from '../scoring/scoring.module';
import { EventPoolService } from './event-pool.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { SuggestionsService } from './suggestions.service';
import { WeightsController } from './weights.controller';

@Module({
  imports: [ScoringModule, EventsModule],
  controllers: [MatchingController, WeightsController],
  providers: [EventPoolService, MatchingService, SuggestionsService],
  exports: [MatchingService, SuggestionsService],
})
export class MatchingModule {}
