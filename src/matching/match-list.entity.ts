import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import type { ComponentName } from '../scoring/core';

/**
 * One suggestion in a stored match list: its exact score and component values (in COMPONENTS order,
 * each in [0, 1]); with the list's component weights they give the breakdown. Reasons are built when
 * a list is read (texts, not numbers: a tenth of the size of a stored list otherwise).
 */
export interface StoredSuggestion {
  organisationId: string;
  score: number;
  interpreterNeeded: boolean;
  values: number[];
}

/** A rank after the suggestions shown: the candidate and its exact score. */
export interface ReserveEntry {
  organisationId: string;
  score: number;
}

/**
 * A participant's ranked suggestions in an event. The row is replaced whole, so readers see the old
 * complete list or the new one; `generation` (taken when a run starts) keeps a late, older run from
 * overwriting a newer result.
 */
@Entity('match_lists')
export class MatchListEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'bigint' })
  generation: string;

  @Column({ name: 'weight_set_id', type: 'uuid' })
  weightSetId: string;

  @Column({ name: 'weight_version', type: 'int' })
  weightVersion: number;

  @Column({ name: 'weight_scope', type: 'varchar', length: 60 })
  weightScope: string;

  @Column({ type: 'jsonb' })
  suggestions: StoredSuggestion[];

  /** The weight each component had in the list's scores (0: not applicable in the event's context). */
  @Column({ name: 'component_weights', type: 'jsonb', default: () => "'{}'" })
  componentWeights: Partial<Record<ComponentName, number>>;

  /** The exact ranks after those shown (a change that drops a suggestion promotes the first). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reserve: ReserveEntry[];

  /** The list owner's profile as every stored list reflects it (version and participation); null: not yet. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  basis: string | null;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
