import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import type { PairRuleState } from './review.types';

/** An organiser's decision on an unordered pair (stored with organisation_a < organisation_b). */
@Entity('review_pair_rules')
@Check('ck_review_pair_rules_state', `"state" IN ('forced', 'forbidden')`)
@Check('ck_review_pair_rules_order', `"organisation_a" < "organisation_b"`)
export class PairRuleEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ name: 'organisation_a', type: 'uuid' })
  a: string;

  @PrimaryColumn({ name: 'organisation_b', type: 'uuid' })
  b: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_a' })
  organisationA?: OrganisationEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_b' })
  organisationB?: OrganisationEntity;

  @Column({ type: 'varchar', length: 10 })
  state: PairRuleState;

  /** The API key that set it (kept when the key is revoked). */
  @Column({ name: 'set_by_key_id', type: 'uuid', nullable: true })
  setByKeyId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
