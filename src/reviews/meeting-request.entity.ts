import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import type { RequestClosedReason, RequestStatus } from './review.types';

/**
 * A meeting request from one participant to another. A pending request past `expiresAt` is expired
 * whether or not the expiry job has marked it yet (readers compute the status).
 */
@Entity('meeting_requests')
@Index('ix_meeting_requests_from', ['eventId', 'fromId', 'status'])
@Index('ix_meeting_requests_to', ['eventId', 'toId', 'status'])
@Index('ix_meeting_requests_expiry', ['status', 'expiresAt'])
// At most one pending or accepted request per unordered pair; an expression index, so the migration
// creates it and the schema sync leaves it alone.
@Index('ux_meeting_requests_open_pair', { synchronize: false })
@Check('ck_meeting_requests_status', `"status" IN ('pending', 'accepted', 'declined', 'cancelled', 'expired')`)
@Check('ck_meeting_requests_closed_reason', `"closed_reason" IN ('sender-left', 'recipient-left')`)
@Check('ck_meeting_requests_not_self', `"from_organisation_id" <> "to_organisation_id"`)
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ name: 'from_organisation_id', type: 'uuid' })
  fromId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_organisation_id' })
  from?: OrganisationEntity;

  @Column({ name: 'to_organisation_id', type: 'uuid' })
  toId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_organisation_id' })
  to?: OrganisationEntity;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'varchar', length: 12 })
  status: RequestStatus;

  /** Accepted on creation because the event auto-accepts requests. */
  @Column({ name: 'auto_accepted', type: 'boolean', default: false })
  autoAccepted: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** When it was accepted, declined, cancelled or marked expired. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Set when it was cancelled because one side left the event; null otherwise. */
  @Column({ name: 'closed_reason', type: 'varchar', length: 16, nullable: true })
  closedReason: RequestClosedReason | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
