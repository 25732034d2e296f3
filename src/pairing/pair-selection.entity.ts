import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/** One run of pair selection for an event: which pairs meet, and who fell short of the minimum and why. */
@Entity('pair_selections')
@Index('ix_pair_selections_event', ['eventId', 'createdAt'])
export class PairSelectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The pure core's report: per participant outcome, totals, errors, warnings, method. */
  @Column({ type: 'jsonb' })
  report: Record<string, unknown>;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A pair chosen to meet (a < b by id); the scheduler gives it a slot and a table. */
@Entity('selected_pairs')
@Index('ix_selected_pairs_event', ['eventId'])
export class SelectedPairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'selection_id', type: 'uuid' })
  selectionId: string;

  @ManyToOne(() => PairSelectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'selection_id' })
  selection?: PairSelectionEntity;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'organisation_a', type: 'uuid' })
  organisationA: string;

  @Column({ name: 'organisation_b', type: 'uuid' })
  organisationB: string;

  @Column({ type: 'real' })
  score: number;

  /** forced, confirmed, mutual, must-meet or suggested. */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  /** The session the meeting is restricted to (one of the event's session names); null: any. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  session: string | null;

  /** Which of organisation A's representatives (1-based) attends, for one meeting in parallel; null: the scheduler chooses. */
  @Column({ name: 'representative_a', type: 'int', nullable: true })
  representativeA: number | null;

  /** Which of organisation B's representatives attends; null: the scheduler chooses. */
  @Column({ name: 'representative_b', type: 'int', nullable: true })
  representativeB: number | null;
}
