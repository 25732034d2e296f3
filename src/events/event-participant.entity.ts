import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { EventEntity } from './event.entity';

/** An organisation taking part in an event. */
@Entity('event_participants')
@Index('ux_event_participants_fixed_table', ['eventId', 'fixedTable'], { unique: true, where: '"fixed_table" IS NOT NULL' })
export class EventParticipantEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Index('ix_event_participants_organisation')
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** The participant's group (for the groups rule); one of the event's groups. */
  @Column({ name: 'group_name', type: 'varchar', length: 60, nullable: true })
  group: string | null;

  /** Overrides the event's minimum meetings; null: the event's. */
  @Column({ name: 'min_meetings', type: 'int', nullable: true })
  minMeetings: number | null;

  /** Overrides the event's maximum meetings; null: the event's. */
  @Column({ name: 'max_meetings', type: 'int', nullable: true })
  maxMeetings: number | null;

  /** People the organisation sends (at least one). */
  @Column({ type: 'int', default: 1 })
  representatives: number;

  /** Names of representatives, where given (no more than `representatives`). */
  @Column({ name: 'representative_names', type: 'text', array: true, default: () => "'{}'" })
  representativeNames: string[];

  /** Indices of the event's slots the participant cannot meet in. */
  @Column({ name: 'blocked_slots', type: 'int', array: true, default: () => "'{}'" })
  blockedSlots: number[];

  /** Names of the event's sessions the participant attends (e.g. only mornings); null: all of them. */
  @Column({ type: 'text', array: true, nullable: true })
  sessions: string[] | null;

  /** Meetings it holds at once, each by another representative (1..representatives). */
  @Column({ name: 'parallel_meetings', type: 'int', default: 1 })
  parallelMeetings: number;

  /** Its own table (1-based; an exhibitor's stand): all its meetings are held there. Unique per event. */
  @Column({ name: 'fixed_table', type: 'int', nullable: true })
  fixedTable: number | null;

  /** ISO 639-1 codes it can meet in at this event; null: those of its profile. */
  @Column({ type: 'text', array: true, nullable: true })
  languages: string[] | null;

  /** Whether it brings its own interpreter. */
  @Column({ name: 'brings_interpreter', type: 'boolean', default: false })
  bringsInterpreter: boolean;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
