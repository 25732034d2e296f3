import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import type { Mark } from './review.types';

/** A participant's mark on a candidate in one event (directional: organisation → candidate). */
@Entity('review_marks')
@Index('ix_review_marks_candidate', ['eventId', 'candidateId'])
@Check('ck_review_marks_mark', `"mark" IN ('must-meet', 'interested', 'not-interested')`)
@Check('ck_review_marks_not_self', `"organisation_id" <> "candidate_id"`)
export class ReviewMarkEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** Who marks. */
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** Whom it marks. */
  @PrimaryColumn({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: OrganisationEntity;

  @Column({ type: 'varchar', length: 16 })
  mark: Mark;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
