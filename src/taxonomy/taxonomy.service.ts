import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { loadTaxonomy, type Taxonomy } from './core';

/** The sector taxonomy, loaded once per process (NACE, JSIC mapping, focus sectors from CONFIG_DIR). */
@Injectable()
export class TaxonomyService {
  readonly taxonomy: Taxonomy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.taxonomy = loadTaxonomy({ focusSectorsPath: join(config.configDir, 'focus-sectors.json') });
  }
}
