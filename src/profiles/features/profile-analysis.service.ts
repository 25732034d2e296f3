import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  analyseProfile,
  analysisFingerprint,
  decodeAnalysis,
  encodeAnalysis,
  scoringLexiconFingerprint,
  type AnalysedFields,
  type AnalysedProfile,
  type AnalysisTools,
  type ScoringInput,
  type StoredAnalysis,
} from '../../scoring/core';
import { ScoringEngine } from '../../scoring/scoring-engine.service';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { ProfileFeaturesRepository, type FeaturesToStore } from './profile-features.repository';

/** Profiles analysed between two yields to the event loop (≈50–100 ms of work). */
const ANALYSE_CHUNK = 100;
/** Members of an event asked for by id rather than reading every participant's stored analysis. */
const FEW_MEMBERS = 1000;

/** A pool participant as the pool step needs it: everything but the analysed text, and the profile's version. */
export type PoolMember = Omit<ScoringInput, keyof AnalysedFields> & { version: number };

/**
 * Text analysis of profiles and its stored results: written when a profile is saved, read (and
 * refilled where missing or stale) when an event's pool is prepared.
 */
@Injectable()
export class ProfileAnalysisService {
  private readonly logger = new Logger('ProfileAnalysis');
  private fingerprintValue: string | null = null;

  constructor(
    private readonly engine: ScoringEngine,
    private readonly taxonomy: TaxonomyService,
    private readonly features: ProfileFeaturesRepository,
  ) {}

  /** Analysis version + taxonomy and lexicon: stored analyses under another one are re-made. */
  get fingerprint(): string {
    this.fingerprintValue ??= analysisFingerprint(scoringLexiconFingerprint(this.taxonomy.taxonomy));
    return this.fingerprintValue;
  }

  private get tools(): AnalysisTools {
    return { analyser: this.engine.analyser, taxonomy: this.taxonomy.taxonomy };
  }

  /** The expensive, pool-independent part of preparing a profile (~0.5–1 ms). */
  analyse(input: ScoringInput): AnalysedProfile {
    return analyseProfile(input, this.tools);
  }

  /** The storable analysis of a profile's text fields (the only ones analysis reads). */
  analyseFields(fields: AnalysedFields): StoredAnalysis {
    return encodeAnalysis(this.analyse({ id: '', country: '', region: '', cooperation: [], languages: [], ...fields }));
  }

  /** analyseFields for many profiles, yielding to the event loop between chunks (an import of thousands takes seconds). */
  async analyseMany(fields: readonly AnalysedFields[]): Promise<StoredAnalysis[]> {
    const out: StoredAnalysis[] = [];
    for (let i = 0; i < fields.length; i++) {
      if (i > 0 && i % ANALYSE_CHUNK === 0) await new Promise((done) => setImmediate(done));
      out.push(this.analyseFields(fields[i]));
    }
    return out;
  }

  /** Upserts analyses (in the caller's transaction when `tx` is given; see ProfileFeaturesRepository.store). */
  store(rows: readonly FeaturesToStore[], tx?: EntityManager): Promise<void> {
    return this.features.store(rows, this.fingerprint, tx);
  }

  /**
   * Analyses of an event's participants, in `members` order, for the pool step: stored ones where
   * current (one query), the others analysed from their text now and stored back. A reused
   * analysis carries the member without its text as input (the pool step does not read it).
   * `tx`: the caller's manager (e.g. its transaction), which every query then runs on (the embedded
   * database has a single connection, so a query beside an open transaction would wait forever).
   */
  async forEvent(eventId: string, members: readonly PoolMember[], tx?: EntityManager): Promise<AnalysedProfile[]> {
    // A few members (e.g. those edited since a pool was prepared): only their rows are read.
    const only = members.length <= FEW_MEMBERS ? members.map((m) => m.id) : undefined;
    const stored = new Map((await this.features.findCurrentForEvent(eventId, this.fingerprint, only, tx)).map((f) => [f.organisationId, f]));
    const out: (AnalysedProfile | null)[] = members.map((m) => {
      const s = stored.get(m.id);
      // Same version as the member read: a profile edited since is analysed again.
      return s && s.version === m.version ? decodeAnalysis(s.analysis, { ...m, sectors: [], offers: [], seeks: [], description: '' }) : null;
    });
    const missing = members.filter((_, i) => out[i] === null);
    if (missing.length === 0) return out as AnalysedProfile[];

    const text = new Map((await this.features.findAnalysedFields(missing.map((m) => m.id), tx)).map((r) => [r.id, r]));
    const fresh: FeaturesToStore[] = [];
    members.forEach((m, i) => {
      if (out[i]) return;
      // A participant deleted meanwhile is analysed as empty; the next load drops it.
      const t = text.get(m.id);
      const a = this.analyse({ ...m, sectors: t?.sectors ?? [], offers: t?.offers ?? [], seeks: t?.seeks ?? [], description: t?.description ?? '' });
      out[i] = a;
      if (t) fresh.push({ organisationId: m.id, version: t.version, analysis: encodeAnalysis(a) });
    });
    this.logger.log(`event ${eventId}: analysed ${missing.length} of ${members.length} profile(s), the rest from stored analyses`);
    await this.storeBestEffort(eventId, fresh, tx);
    return out as AnalysedProfile[];
  }

  /**
   * Stores analyses as a cache: the pool is prepared either way, and the next load analyses them
   * again if this fails. Inside a caller's transaction a savepoint keeps a failure from aborting it.
   */
  private async storeBestEffort(eventId: string, fresh: readonly FeaturesToStore[], tx: EntityManager | undefined): Promise<void> {
    try {
      if (!tx?.queryRunner?.isTransactionActive) return await this.store(fresh, tx);
      await tx.query('SAVEPOINT store_analyses');
      try {
        await this.store(fresh, tx);
        await tx.query('RELEASE SAVEPOINT store_analyses');
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT store_analyses');
        throw e;
      }
    } catch (e) {
      this.logger.warn(`event ${eventId}: storing ${fresh.length} analyses failed: ${(e as Error).message}`);
    }
  }
}

/** The analysed fields of a saved organisation (column defaults where a value was never set). */
export function analysedFieldsOf(o: { sectors?: readonly string[] | null; offers?: readonly string[] | null; seeks?: readonly string[] | null; description?: string | null }): AnalysedFields {
  return { sectors: o.sectors ?? [], offers: o.offers ?? [], seeks: o.seeks ?? [], description: o.description ?? '' };
}
