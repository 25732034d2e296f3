import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredAnalysis } from '../../scoring/core';

export interface FeaturesToStore {
  organisationId: string;
  /**
   * organisations.version the analysis was made from; the row is skipped when the profile has
   * moved on since. Null: the profile as it is in the caller's transaction (just saved).
   */
  version: number | null;
  analysis: StoredAnalysis;
}

export interface StoredFeatures {
  organisationId: string;
  version: number;
  analysis: StoredAnalysis;
}

export interface AnalysedFieldsRow {
  id: string;
  version: number;
  sectors: string[];
  offers: string[];
  seeks: string[];
  description: string;
}

/** Rows per INSERT: keeps statements (≈2 kB of analysis per profile) well below a megabyte or two. */
const BATCH = 500;

/** Stored per-profile analyses (profile_features). */
@Injectable()
export class ProfileFeaturesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The event's participants (or those of them named) whose stored analysis is current: same fingerprint, same profile version. */
  findCurrentForEvent(eventId: string, fingerprint: string, organisationIds?: readonly string[], manager: EntityManager = this.db.manager): Promise<StoredFeatures[]> {
    return manager.query(
      `SELECT f.organisation_id AS "organisationId", f.profile_version AS version, f.analysis
         FROM event_participants ep
         JOIN organisations o ON o.id = ep.organisation_id
         JOIN profile_features f ON f.organisation_id = o.id
        WHERE ep.event_id = $1 AND f.fingerprint = $2 AND f.profile_version = o.version AND f.profile_updated_at = o.updated_at
          AND ($3::uuid[] IS NULL OR o.id = ANY($3::uuid[]))`,
      [eventId, fingerprint, organisationIds ?? null],
    );
  }

  /** The text a profile's analysis is made from, with the version it belongs to. */
  findAnalysedFields(organisationIds: readonly string[], manager: EntityManager = this.db.manager): Promise<AnalysedFieldsRow[]> {
    return manager.query('SELECT id, version, sectors, offers, seeks, description FROM organisations WHERE id = ANY($1::uuid[])', [organisationIds]);
  }

  /**
   * Upserts analyses, taking version and updated_at from the organisation row (in `manager`'s
   * transaction when given, so a profile and its analysis commit together). Profiles deleted or
   * changed since the analysis was made are skipped; an older analysis never replaces a newer one.
   */
  async store(rows: readonly FeaturesToStore[], fingerprint: string, manager: EntityManager = this.db.manager): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await manager.query(
        `INSERT INTO profile_features (organisation_id, fingerprint, profile_version, profile_updated_at, analysis, analysed_at)
         SELECT o.id, $1, o.version, o.updated_at, u.analysis::json, clock_timestamp()
           FROM unnest($2::uuid[], $3::int[], $4::text[]) AS u(id, version, analysis)
           JOIN organisations o ON o.id = u.id AND (u.version IS NULL OR o.version = u.version)
         ON CONFLICT (organisation_id) DO UPDATE
            SET fingerprint = EXCLUDED.fingerprint, profile_version = EXCLUDED.profile_version, profile_updated_at = EXCLUDED.profile_updated_at,
                analysis = EXCLUDED.analysis, analysed_at = EXCLUDED.analysed_at
          WHERE profile_features.profile_version <= EXCLUDED.profile_version`,
        [fingerprint, batch.map((r) => r.organisationId), batch.map((r) => r.version), batch.map((r) => JSON.stringify(r.analysis))],
      );
    }
  }
}
