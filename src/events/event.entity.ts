import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TieUpEntity } from '../regions/tie-up.entity';
import type { EventDay, EventMeetingRule, GroupPair, MeetingRuleMode } from './event-setup.types';

/** A matchmaking event: a seminar or business day with one-to-one meetings. */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  venue: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  /** Who may meet whom. */
  @Column({ name: 'meeting_rule', type: 'varchar', length: 20, default: 'cross-country' })
  meetingRule: EventMeetingRule;

  /** required: the rule excludes pairs; preferred: the rule only scores. */
  @Column({ name: 'meeting_rule_mode', type: 'varchar', length: 10, default: 'required' })
  meetingRuleMode: MeetingRuleMode;

  /** Meeting days with their sessions (local times). Null: the first day with the default sessions. */
  @Column({ type: 'jsonb', nullable: true })
  days: EventDay[] | null;

  /** Length of every meeting slot. */
  @Column({ name: 'slot_minutes', type: 'int', default: 20 })
  slotMinutes: number;

  /** Pause after each slot (before the next one in the same session). */
  @Column({ name: 'break_minutes', type: 'int', default: 0 })
  breakMinutes: number;

  /** Meeting tables, i.e. meetings that can run in the same slot. */
  @Column({ name: 'table_count', type: 'int', default: 10 })
  tables: number;

  /** Named groups participants may be put in (the groups rule). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  groups: string[];

  /** Allowed pairs of groups under the groups rule. */
  @Column({ name: 'group_pairs', type: 'jsonb', nullable: true })
  groupPairs: GroupPair[] | null;

  /** Meetings each participant should get at least (participants may override). */
  @Column({ name: 'min_meetings', type: 'int', default: 0 })
  minMeetings: number;

  /** Meetings each participant gets at most (participants may override); null: as many as fit. */
  @Column({ name: 'max_meetings', type: 'int', nullable: true })
  maxMeetings: number | null;

  /** Admins may let the event's organisers tune its scoring weights. */
  @Column({ name: 'organisers_may_tune_weights', type: 'boolean', default: false })
  organisersMayTuneWeights: boolean;

  /** How many suggestions each participant's match list keeps. */
  @Column({ name: 'suggestions_k', type: 'int', default: 20 })
  suggestionsK: number;

  @Column({ name: 'tie_up_id', type: 'uuid', nullable: true })
  tieUpId: string | null;

  @ManyToOne(() => TieUpEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'tie_up_id' })
  tieUp?: TieUpEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
