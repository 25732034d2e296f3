import { Module } from '@nestjs/common';
import { ScoringModule } from '../../scoring/scoring.module';
import { ProfileAnalysisService } from './profile-analysis.service';
import { ProfileFeaturesRepository } from './profile-features.repository';

/** Stored per-profile text analyses; shared by profile writes and match-list pools. */
@Module({
  imports: [ScoringModule],
  providers: [ProfileFeaturesRepository, ProfileAnalysisService],
  exports: [ProfileAnalysisService],
})
export class ProfileFeaturesModule {}
