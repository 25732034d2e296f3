import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { PairSelectionEntity } from '../pairing/pair-selection.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import type { ScheduleQuality, ScheduleRunOptions, ScheduleStatus } from './schedule.types';

/** One scheduling run of an event: queued → running → draft (or failed) → published → superseded (or back to draft when unpublished). */
@Entity('schedules')
@Index('ix_schedules_event', ['eventId', 'createdAt'])
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** queued, running, draft, failed, published or superseded (a later schedule was published). */
  @Column({ type: 'varchar', length: 12 })
  status: ScheduleStatus;

  /** The pair selection whose pairs were scheduled (set when the run starts). */
  @Column({ name: 'selection_id', type: 'uuid', nullable: true })
  selectionId: string | null;

  @ManyToOne(() => PairSelectionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'selection_id' })
  selection?: PairSelectionEntity | null;

  /** The options of the run (time limit, fairness bound d, seed). */
  @Column({ type: 'jsonb' })
  options: ScheduleRunOptions;

  @Column({ type: 'real', default: 0 })
  progress: number;

  /** The quality report: meetings placed, unplaced with reasons, breaks, fairness, time, validation. */
  @Column({ type: 'jsonb', nullable: true })
  quality: ScheduleQuality | null;

  /**
   * The event set-up the run was computed for (setupFingerprint: every slot's instants and session, and
   * the table count); a draft whose set-up is no longer the event's is not published. Null: stored before
   * runs recorded it, or not finished.
   */
  @Column({ name: 'setup_fingerprint', type: 'text', nullable: true })
  setupFingerprint: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}

/** A placed meeting of a schedule: the pair, its slot (index into the event's grid) and table (1-based). */
@Entity('scheduled_meetings')
@Index('ix_scheduled_meetings_schedule', ['scheduleId', 'slotIndex'])
export class ScheduledMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => ScheduleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: ScheduleEntity;

  @Column({ name: 'organisation_a', type: 'uuid' })
  organisationA: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_a' })
  a?: OrganisationEntity;

  @Column({ name: 'organisation_b', type: 'uuid' })
  organisationB: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_b' })
  b?: OrganisationEntity;

  @Column({ name: 'slot_index', type: 'int' })
  slotIndex: number;

  /** 1-based table number. */
  @Column({ name: 'table_number', type: 'int' })
  tableNumber: number;

  /** Locked meetings keep their slot and table when the event is scheduled again. */
  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** The slot the meeting was fixed to, where it was. */
  @Column({ name: 'fixed_slot', type: 'int', nullable: true })
  fixedSlot: number | null;

  /** The representative (1-based) of organisation A who attends, when A meets in parallel; else null. */
  @Column({ name: 'representative_a', type: 'int', nullable: true })
  representativeA: number | null;

  /** The representative of organisation B who attends, when B meets in parallel; else null. */
  @Column({ name: 'representative_b', type: 'int', nullable: true })
  representativeB: number | null;
}
