import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventEntity } from '../events/event.entity';
import type { PreviousMeeting } from './schedule-input';
import { eventSetupFingerprint, locksHold, type EventSetup } from './schedule-setup';
import { ScheduleEntity } from './schedule.entity';

/** A locked meeting's pair, with how the selection the schedule was made from had selected it. */
export interface LockedPair {
  a: string;
  b: string;
  /** Kind and score of the pair in the schedule's selection; null when that selection no longer has it. */
  kind: string | null;
  score: number | null;
}

/** The schedule locks are read from, with its meetings (locked or not). */
export interface LockSource {
  scheduleId: string;
  /**
   * Made for other slots or tables than the event has now: none of its locks is kept, and pair
   * selection keeps none of their pairs. False for a schedule stored before runs recorded their set-up.
   */
  setupChanged: boolean;
  meetings: PreviousMeeting[];
}

/** The event the lock source is found for and checked against (its slot grid and tables). */
type LockEvent = EventSetup & Pick<EventEntity, 'id'>;

/**
 * Where locks are read from, for the scheduler (which keeps them) and for pair selection (which keeps
 * their pairs selected): the event's current published schedule or, when none is published yet, its
 * latest draft; and whether its locks still hold for the event's slots and tables. One definition, so
 * both always look at the same schedule and agree on whether its locks are locks.
 */
@Injectable()
export class ScheduleLocksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The schedule locks come from, and whether they hold; `exclude`: a run's own schedule, never its own source. */
  private async source(event: LockEvent, exclude?: string): Promise<{ schedule: ScheduleEntity; holds: boolean } | null> {
    const repo = this.db.getRepository(ScheduleEntity);
    const eventId = event.id;
    let schedule = await repo.findOne({ where: { eventId, status: 'published' }, order: { publishedAt: 'DESC' } });
    if (!schedule) {
      const drafts = repo.createQueryBuilder('s').where('s.event_id = :eventId AND s.status = :status', { eventId, status: 'draft' });
      if (exclude) drafts.andWhere('s.id <> :exclude', { exclude });
      schedule = await drafts.orderBy('s.created_at', 'DESC').getOne();
    }
    if (!schedule) return null;
    return { schedule, holds: locksHold(schedule.setupFingerprint, eventSetupFingerprint(event)) };
  }

  /** The lock source with its meetings and the organisations' names (a side may have left since); null when there is none. */
  async previousMeetings(event: LockEvent, exclude?: string): Promise<LockSource | null> {
    const source = await this.source(event, exclude);
    if (!source) return null;
    const meetings: PreviousMeeting[] = await this.db.query(
      `SELECT m.organisation_a AS a, m.organisation_b AS b, m.slot_index AS slot, m.table_number AS "table", m.locked, m.fixed_slot AS "fixedSlot",
              m.representative_a AS "representativeA", m.representative_b AS "representativeB", oa.name AS "aName", ob.name AS "bName"
         FROM scheduled_meetings m LEFT JOIN organisations oa ON oa.id = m.organisation_a LEFT JOIN organisations ob ON ob.id = m.organisation_b
        WHERE m.schedule_id = $1`,
      [source.schedule.id],
    );
    return { scheduleId: source.schedule.id, setupChanged: !source.holds, meetings };
  }

  /**
   * The pairs of the lock source's locked meetings, as its selection had them. None when the source
   * was made for another set-up (the scheduler will not keep those locks, so their pairs are not held
   * either); `notHeld` then says which schedule and how many locked meetings, for a warning.
   */
  async lockedPairs(event: LockEvent): Promise<{ pairs: LockedPair[]; notHeld: { scheduleId: string; locked: number } | null }> {
    const source = await this.source(event);
    if (!source) return { pairs: [], notHeld: null };
    if (!source.holds) {
      const [{ n }]: { n: string }[] = await this.db.query('SELECT count(*) AS n FROM scheduled_meetings WHERE schedule_id = $1 AND locked', [source.schedule.id]);
      return { pairs: [], notHeld: Number(n) > 0 ? { scheduleId: source.schedule.id, locked: Number(n) } : null };
    }
    const pairs: LockedPair[] = await this.db.query(
      `SELECT m.organisation_a AS a, m.organisation_b AS b, p.kind, p.score
         FROM scheduled_meetings m
         LEFT JOIN selected_pairs p ON p.selection_id = $2
              AND ((p.organisation_a = m.organisation_a AND p.organisation_b = m.organisation_b) OR (p.organisation_a = m.organisation_b AND p.organisation_b = m.organisation_a))
        WHERE m.schedule_id = $1 AND m.locked
        ORDER BY m.slot_index, m.table_number`,
      [source.schedule.id, source.schedule.selectionId],
    );
    return { pairs, notHeld: null };
  }
}
