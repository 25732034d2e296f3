import { Module } from '@nestjs/common';
import { ScoringEngine } from './scoring-engine.service';
import { WeightsService } from './weights.service';

@Module({
  providers: [ScoringEngine, WeightsService],
  exports: [ScoringEngine, WeightsService],
})
export class ScoringModule {}
