import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TieUpEntity } from '../regions/tie-up.entity';
import type { MeetingRule } from '../profiles/profile.types';

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
  meetingRule: MeetingRule;

  /** required: the rule excludes pairs; preferred: the rule only scores. */
  @Column({ name: 'meeting_rule_mode', type: 'varchar', length: 10, default: 'required' })
  meetingRuleMode: 'required' | 'preferred';

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
