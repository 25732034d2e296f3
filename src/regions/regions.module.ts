import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { TieUpsController } from './tie-ups.controller';
import { TieUpsService } from './tie-ups.service';

@Module({
  controllers: [RegionsController, TieUpsController],
  providers: [RegionsService, TieUpsService],
  exports: [RegionsService, TieUpsService],
})
export class RegionsModule {}
