import { Module } from '@nestjs/common';
import { ProfileImportService } from './profile-import.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';

@Module({
  controllers: [ProfilesController],
  providers: [ProfilesRepository, ProfilesService, ProfileImportService],
  exports: [ProfilesRepository, ProfilesService, ProfileImportService],
})
export class ProfilesModule {}
