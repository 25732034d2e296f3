import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/** Per-event rules for meeting requests; an event without a row uses DEFAULT_REVIEW_SETTINGS. */
@Entity('review_settings')
export class ReviewSettingsEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** New requests are accepted at once. */
  @Column({ name: 'auto_accept_requests', type: 'boolean', default: false })
  autoAcceptRequests: boolean;

  /** A pending request expires this long after it was sent. */
  @Column({ name: 'request_ttl_hours', type: 'int', default: 72 })
  requestTtlHours: number;

  /** Most pending outgoing requests a participant may have at once. */
  @Column({ name: 'max_open_requests', type: 'int', default: 10 })
  maxOpenRequests: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
