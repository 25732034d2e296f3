import { Module } from '@nestjs/common';
import { MatchingModule } from '../../matching/matching.module';
import { ReviewsModule } from '../../reviews/reviews.module';
import { EventsModule } from '../events.module';
import { EventSetupController } from './event-setup.controller';
import { EventSetupService } from './event-setup.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

/**
 * Setting events up: create, change, delete, and who takes part. It sits above both EventsModule
 * (reads, slots) and MatchingModule (which itself imports EventsModule), because its changes ask for
 * match lists to be recomputed; importing MatchingModule into EventsModule would make a cycle. A
 * participant leaving cancels its pending meeting requests (ReviewsModule).
 */
@Module({
  imports: [EventsModule, MatchingModule, ReviewsModule],
  controllers: [EventSetupController, ParticipantsController],
  providers: [EventSetupService, ParticipantsService],
})
export class EventSetupModule {}
