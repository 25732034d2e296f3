import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import type { StoredIdf } from '../text';

export const MATCH_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];

export const MATCH_RUN_KINDS = ['full', 'changes'] as const;
/** full: every list from the pool; changes: only what the profiles changed since the lists were written. */
export type MatchRunKind = (typeof MATCH_RUN_KINDS)[number];

/** A recomputation of an event's match lists (all participants, or one). */
@Entity('match_runs')
@Index('ix_match_runs_event', ['eventId', 'createdAt'])
export class MatchRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** Null for a whole-event run; set when one participant's list is recomputed. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: MatchRunStatus;

  @Column({ type: 'varchar', length: 12, default: 'full' })
  kind: MatchRunKind;

  /** A full event run's idf (taken when it starts; every shard weighs terms with it). Not read by default (large). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  idf: StoredIdf | null;

  /**
   * A full event run's participants when it started, with the basis each profile was at (see
   * PARTICIPANT_BASIS): every shard computes these participants' lists and records these bases, however late it
   * loads the pool. Not read by default (large).
   */
  @Column({ type: 'jsonb', nullable: true, select: false })
  bases: Record<string, string> | null;

  /** Why the run was started (weights changed, profile updated, manual, ...). */
  @Column({ type: 'varchar', length: 120 })
  trigger: string;

  @Column({ type: 'bigint', nullable: true })
  generation: string | null;

  @Column({ name: 'weight_version', type: 'int', nullable: true })
  weightVersion: number | null;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'int', default: 0 })
  participants: number;

  @Column({ name: 'pairs_scored', type: 'bigint', default: 0 })
  pairsScored: string;

  /** Shards the run was split into (1 when computed in one piece). */
  @Column({ name: 'shards_total', type: 'int', default: 1 })
  shardsTotal: number;

  /** Shards whose lists are written; recorded with the lists, so a retried shard is not counted twice. */
  @Column({ name: 'done_shards', type: 'int', array: true, default: () => "'{}'" })
  doneShards: number[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;
}
