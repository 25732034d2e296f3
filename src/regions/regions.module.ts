import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { TieUpEntity } from './tie-up.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, TieUpEntity])],
  controllers: [RegionsController],
  providers: [RegionsService],
  exports: [RegionsService],
})
export class RegionsModule {}
