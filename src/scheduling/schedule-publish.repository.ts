import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Departed, MeetingsOutside } from './schedule-setup';
import { ScheduleEntity } from './schedule.entity';

/** What publishing and unpublishing read and lock, inside their transaction (after the event row lock). */
@Injectable()
export class SchedulePublishRepository {
  /** The schedule row, locked until the transaction ends. */
  lockSchedule(tx: EntityManager, eventId: string, id: string): Promise<ScheduleEntity | null> {
    return tx.findOne(ScheduleEntity, { where: { id, eventId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Meetings of a schedule in slots beyond `slotCount` or at tables beyond `tables`: how many, and the first. */
  async meetingsOutside(tx: EntityManager, scheduleId: string, slotCount: number, tables: number): Promise<MeetingsOutside | null> {
    const [row]: { n: string; slot: number; table: number; a: string | null; b: string | null }[] = await tx.query(
      `SELECT count(*) OVER () AS n, m.slot_index AS slot, m.table_number AS table, oa.name AS a, ob.name AS b
         FROM scheduled_meetings m
         LEFT JOIN organisations oa ON oa.id = m.organisation_a
         LEFT JOIN organisations ob ON ob.id = m.organisation_b
        WHERE m.schedule_id = $1 AND (m.slot_index < 0 OR m.slot_index >= $2 OR m.table_number < 1 OR m.table_number > $3)
        ORDER BY m.slot_index, m.table_number
        LIMIT 1`,
      [scheduleId, slotCount, tables],
    );
    return row ? { n: Number(row.n), slot: row.slot, table: row.table, aName: row.a, bName: row.b } : null;
  }

  /** Organisations with meetings in the schedule that no longer take part in the event, by name, and how many meetings involve them. */
  async departed(tx: EntityManager, scheduleId: string, eventId: string): Promise<{ meetings: number; organisations: Departed[] }> {
    const rows: { meeting: string; id: string; name: string | null }[] = await tx.query(
      `SELECT m.id AS meeting, side.id, o.name
         FROM scheduled_meetings m
        CROSS JOIN LATERAL (VALUES (m.organisation_a), (m.organisation_b)) AS side(id)
         LEFT JOIN organisations o ON o.id = side.id
        WHERE m.schedule_id = $1
          AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = $2 AND ep.organisation_id = side.id)
        ORDER BY o.name, side.id`,
      [scheduleId, eventId],
    );
    const organisations = new Map<string, Departed>();
    for (const r of rows) organisations.set(r.id, { id: r.id, name: r.name });
    return { meetings: new Set(rows.map((r) => r.meeting)).size, organisations: [...organisations.values()] };
  }
}
