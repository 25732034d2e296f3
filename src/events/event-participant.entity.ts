import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { EventEntity } from './event.entity';

/** An organisation taking part in an event. */
@Entity('event_participants')
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
