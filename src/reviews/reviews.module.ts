import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { MeetingRequestsController } from './meeting-requests.controller';
import { MeetingRequestsService } from './meeting-requests.service';
import { ReviewAccess } from './review-access.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Company review: marks, meeting requests, organisers' forced and forbidden pairs, the demand picture. */
@Module({
  imports: [MatchingModule],
  controllers: [ReviewsController, MeetingRequestsController],
  providers: [ReviewsRepository, ReviewAccess, ReviewsService, MeetingRequestsService],
  exports: [ReviewsRepository],
})
export class ReviewsModule {}
