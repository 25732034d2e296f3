import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { PairingController } from './pairing.controller';
import { PairingService } from './pairing.service';

@Module({
  // Scheduling: which meetings are locked, so their pairs stay selected.
  imports: [EventsModule, ReviewsModule, SchedulingModule],
  controllers: [PairingController],
  providers: [PairingService],
  exports: [PairingService],
})
export class PairingModule {}
