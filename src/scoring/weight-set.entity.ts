import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import type { ScoringWeights } from './core';

/**
 * One version of a weight set: the global default (scope "global") or an event's own set
 * (scope "event:<id>"). Versions are never changed; a rollback adds a new version. An event's
 * version may instead be a marker (`followsGlobal`, no weights): from it on, the event follows the
 * global set again, until a later version of its own.
 */
@Entity('weight_sets')
@Index('uq_weight_sets_scope_version', ['scope', 'version'], { unique: true })
@Check('ck_weight_sets_follows_global', `("follows_global" AND "weights" IS NULL AND "scope" <> 'global') OR (NOT "follows_global" AND "weights" IS NOT NULL)`)
export class WeightSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  scope: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity | null;

  @Column({ type: 'int' })
  version: number;

  /** Null exactly for a marker: the event then uses whatever global set is in force. */
  @Column({ type: 'jsonb', nullable: true })
  weights: ScoringWeights | null;

  @Column({ name: 'follows_global', type: 'boolean', default: false })
  followsGlobal: boolean;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
