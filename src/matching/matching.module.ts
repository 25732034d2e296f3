import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProfileFeaturesModule } from '../profiles/features/profile-features.module';
import { ScoringModule } from '../scoring/scoring.module';
import { EventPoolService } from './event-pool.service';
import { LexiconWatch } from './lexicon-watch.service';
import { MatchChangesService } from './match-changes.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { MatchListThreads } from './parallel/match-list-threads.service';
import { SuggestionsService } from './suggestions.service';
import { WeightRecomputeService } from './weight-recompute.service';
import { WeightsController } from './weights.controller';

@Module({
  imports: [ScoringModule, EventsModule, ProfileFeaturesModule],
  controllers: [MatchingController, WeightsController],
  providers: [EventPoolService, MatchListThreads, MatchChangesService, MatchingService, WeightRecomputeService, SuggestionsService, LexiconWatch],
  exports: [MatchingService, WeightRecomputeService, SuggestionsService, LexiconWatch],
})
export class MatchingModule {}
