import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { ProfileFeaturesModule } from './features/profile-features.module';
import { ProfileImportService } from './profile-import.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';

@Module({
  imports: [MatchingModule, ProfileFeaturesModule],
  controllers: [ProfilesController],
  providers: [ProfilesRepository, ProfilesService, ProfileImportService],
  exports: [ProfilesRepository, ProfilesService, ProfileImportService],
})
export class ProfilesModule {}
