import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppSettingEntity } from '../infra/database/app-setting.entity';
import { scoringLexiconFingerprint } from '../scoring/core';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { MatchingService } from './matching.service';

const SETTING = 'matching.lexicon-fingerprint';

/**
 * Stored lists were scored with a taxonomy and concept lexicon (config/focus-sectors.json and the
 * shipped data). When a start finds them changed, every event's lists are recomputed; stored profile
 * analyses carry the same fingerprint, so those recomputes re-analyse the profiles instead of reusing them.
 */
@Injectable()
export class LexiconWatch {
  private readonly logger = new Logger('LexiconWatch');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly matching: MatchingService,
  ) {}

  fingerprint(): string {
    return scoringLexiconFingerprint(this.taxonomy.taxonomy);
  }

  /** Returns how many events were queued for recomputation because the lexicon changed. */
  async checkForChange(): Promise<number> {
    const current = this.fingerprint();
    const repo = this.db.getRepository(AppSettingEntity);
    const stored = await repo.findOneBy({ key: SETTING });
    if (stored?.value === current) return 0;
    await repo.save({ key: SETTING, value: current });
    if (!stored) return 0;
    const events = await this.matching.requestForAllEvents('taxonomy or lexicon changed');
    this.logger.log(`taxonomy or lexicon changed: recomputing ${events} event(s)`);
    return events;
  }
}
