import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { TextAnalyser } from '../text';
import { createScoringAnalyser, validateWeights, type ScoringWeights } from './core';

/** Process-wide scoring resources: the analyser (built once, ~0.2 s) and the configured default weights. */
@Injectable()
export class ScoringEngine {
  private analyserInstance: TextAnalyser | null = null;
  readonly defaultWeights: ScoringWeights;

  constructor(
    private readonly taxonomy: TaxonomyService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const path = join(config.configDir, 'scoring-weights.json');
    const result = validateWeights(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.ok) throw new Error(`${path}: ${result.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    this.defaultWeights = result.weights;
  }

  get analyser(): TextAnalyser {
    this.analyserInstance ??= createScoringAnalyser(this.taxonomy.taxonomy);
    return this.analyserInstance;
  }
}
