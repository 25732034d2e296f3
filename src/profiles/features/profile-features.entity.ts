import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { StoredAnalysis } from '../../scoring/core';
import { OrganisationEntity } from '../organisation.entity';

/**
 * A profile's text analysis (pool-independent: raw feature counts, kinds, domains, codes), so a
 * match-list recompute only runs the cheap pool step. Stale when the fingerprint (analysis version,
 * taxonomy and lexicon) or the profile's version differs from the current ones.
 */
@Entity('profile_features')
export class ProfileFeaturesEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 80 })
  fingerprint: string;

  /** organisations.version and updated_at of the text the analysis was made from. */
  @Column({ name: 'profile_version', type: 'int' })
  profileVersion: number;

  @Column({ name: 'profile_updated_at', type: 'timestamptz' })
  profileUpdatedAt: Date;

  /** json, not jsonb: never queried inside, and reading it back needs no conversion (≈3× less server time for a pool). */
  @Column({ type: 'json' })
  analysis: StoredAnalysis;

  @Column({ name: 'analysed_at', type: 'timestamptz', default: () => 'now()' })
  analysedAt: Date;
}
