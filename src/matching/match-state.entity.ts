import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import type { StoredIdf } from '../text';

/**
 * What an event's stored lists were computed with, so a run can update them incrementally: the idf
 * of the full run that wrote them (frozen until the next full run), its weight set, and a version
 * bumped at every write of the event's lists (a worker's in-memory copy is current while it matches).
 */
@Entity('match_states')
export class MatchStateEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** Generation of the full run whose idf the lists use. */
  @Column({ type: 'bigint' })
  generation: string;

  @Column({ type: 'bigint', default: 0 })
  version: string;

  @Column({ name: 'weight_set_id', type: 'uuid' })
  weightSetId: string;

  @Column({ type: 'jsonb' })
  idf: StoredIdf;

  /**
   * Participants the lists still owe a change for though no basis shows it: those who left while the
   * full run was writing (shards that loaded the pool earlier may suggest them). The next change run
   * applies them.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  pending: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
