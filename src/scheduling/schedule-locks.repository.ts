import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PreviousMeeting } from './schedule-input';
import { ScheduleEntity } from './schedule.entity';

/** A locked meeting's pair, with how the selection the schedule was made from had selected it. */
export interface LockedPair {
  a: string;
  b: string;
  /** Kind and score of the pair in the schedule's selection; null when that selection no longer has it. */
  kind: string | null;
  score: number | null;
}

/**
 * Where locks are read from, for the scheduler (which keeps them) and for pair selection (which keeps
 * their pairs selected): the event's current published schedule or, when none is published yet, its
 * latest draft. One definition, so both always look at the same schedule.
 */
@Injectable()
export class ScheduleLocksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The schedule locks come from; `exclude`: a run's own schedule, never its own source. */
  async source(eventId: string, exclude?: string): Promise<ScheduleEntity | null> {
    const repo = this.db.getRepository(ScheduleEntity);
    const published = await repo.findOne({ where: { eventId, status: 'published' }, order: { publishedAt: 'DESC' } });
    if (published) return published;
    const drafts = repo.createQueryBuilder('s').where('s.event_id = :eventId AND s.status = :status', { eventId, status: 'draft' });
    if (exclude) drafts.andWhere('s.id <> :exclude', { exclude });
    return drafts.orderBy('s.created_at', 'DESC').getOne();
  }

  /** The meetings of the lock source, with the organisations' names (a side may have left since). */
  async previousMeetings(eventId: string, exclude?: string): Promise<PreviousMeeting[]> {
    const source = await this.source(eventId, exclude);
    if (!source) return [];
    return this.db.query(
      `SELECT m.organisation_a AS a, m.organisation_b AS b, m.slot_index AS slot, m.table_number AS "table", m.locked, m.fixed_slot AS "fixedSlot",
              m.representative_a AS "representativeA", m.representative_b AS "representativeB", oa.name AS "aName", ob.name AS "bName"
         FROM scheduled_meetings m LEFT JOIN organisations oa ON oa.id = m.organisation_a LEFT JOIN organisations ob ON ob.id = m.organisation_b
        WHERE m.schedule_id = $1`,
      [source.id],
    );
  }

  /** The pairs of the lock source's locked meetings, as its selection had them. */
  async lockedPairs(eventId: string): Promise<LockedPair[]> {
    const source = await this.source(eventId);
    if (!source) return [];
    return this.db.query(
      `SELECT m.organisation_a AS a, m.organisation_b AS b, p.kind, p.score
         FROM scheduled_meetings m
         LEFT JOIN selected_pairs p ON p.selection_id = $2
              AND ((p.organisation_a = m.organisation_a AND p.organisation_b = m.organisation_b) OR (p.organisation_a = m.organisation_b AND p.organisation_b = m.organisation_a))
        WHERE m.schedule_id = $1 AND m.locked
        ORDER BY m.slot_index, m.table_number`,
      [source.id, source.selectionId],
    );
  }
}
