import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { MeetingRule } from '../profiles/profile.types';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { TieUpEntity } from '../regions/tie-up.entity';
import type { Principal } from '../auth/principal';
import { EventOrganiserEntity } from './event-organiser.entity';
import { EventParticipantEntity } from './event-participant.entity';
import { EventEntity } from './event.entity';

export interface EventWithCounts {
  event: EventEntity;
  participantCount: number;
}

/** A slot the published schedule uses: how many meetings it holds and the names of one pair. */
export interface PublishedSlotUse {
  slot: number;
  n: number;
  a: string;
  b: string;
}

export interface OrganiserRow {
  id: string;
  name: string;
}

/** Event queries, scoped to what a principal may see. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private visibleTo(principal: Principal): SelectQueryBuilder<EventEntity> {
    const qb = this.db.getRepository(EventEntity).createQueryBuilder('e').leftJoinAndSelect('e.tieUp', 't');
    switch (principal.role) {
      case 'admin':
        return qb;
      case 'organiser':
        return qb.innerJoin('event_organisers', 'eo', 'eo.event_id = e.id AND eo.api_key_id = :keyId', { keyId: principal.keyId });
      case 'participant':
        return qb.innerJoin('event_participants', 'ep', 'ep.event_id = e.id AND ep.organisation_id = :orgId', {
          orgId: principal.organisationId,
        });
    }
  }

  async listVisible(principal: Principal): Promise<EventWithCounts[]> {
    const events = await this.visibleTo(principal).orderBy('e.starts_on', 'DESC').addOrderBy('e.slug', 'ASC').getMany();
    return this.withCounts(events);
  }

  async findVisibleBySlug(principal: Principal, slug: string): Promise<EventWithCounts | null> {
    const event = await this.visibleTo(principal).where('e.slug = :slug', { slug }).getOne();
    return event ? (await this.withCounts([event]))[0] : null;
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** The event row, locked until the transaction ends (set-up changes check participants against it). */
  lockEvent(tx: EntityManager, id: string): Promise<EventEntity | null> {
    return tx.findOne(EventEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Organiser keys (not revoked) of each event. */
  async organisersOf(eventIds: string[]): Promise<Map<string, OrganiserRow[]>> {
    const out = new Map<string, OrganiserRow[]>(eventIds.map((id) => [id, []]));
    if (eventIds.length === 0) return out;
    const rows: { event_id: string; id: string; name: string }[] = await this.db.query(
      `SELECT eo.event_id, k.id, k.name FROM event_organisers eo JOIN api_keys k ON k.id = eo.api_key_id
        WHERE eo.event_id = ANY($1) AND k.revoked_at IS NULL ORDER BY k.name, k.id`,
      [eventIds],
    );
    for (const r of rows) out.get(r.event_id)!.push({ id: r.id, name: r.name });
    return out;
  }

  /**
   * Pairs of the event's current selection restricted to one of `sessions`: per session, how many
   * and the names of one such pair (the scheduler could not place them once the session is gone).
   */
  async pairsInSessions(tx: EntityManager, eventId: string, sessions: string[]): Promise<{ session: string; n: number; a: string; b: string }[]> {
    if (sessions.length === 0) return [];
    const rows: { session: string; n: string; a: string; b: string }[] = await tx.query(
      `SELECT DISTINCT ON (sp.session) sp.session, count(*) OVER (PARTITION BY sp.session) AS n, oa.name AS a, ob.name AS b
         FROM selected_pairs sp
         JOIN organisations oa ON oa.id = sp.organisation_a
         JOIN organisations ob ON ob.id = sp.organisation_b
        WHERE sp.selection_id = (SELECT id FROM pair_selections WHERE event_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)
          AND sp.session = ANY($2)
        ORDER BY sp.session, oa.name, ob.name`,
      [eventId, sessions],
    );
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  /** The id of the event's published schedule (the newest, should there be two), or null. */
  private async publishedScheduleId(tx: EntityManager, eventId: string): Promise<string | null> {
    const [schedule]: { id: string }[] = await tx.query(`SELECT id FROM schedules WHERE event_id = $1 AND status = 'published' ORDER BY published_at DESC, id LIMIT 1`, [eventId]);
    return schedule?.id ?? null;
  }

  /** The event's published schedule with its meetings' slots, or null. */
  async publishedSlotUse(tx: EntityManager, eventId: string): Promise<{ scheduleId: string; slots: PublishedSlotUse[] } | null> {
    const scheduleId = await this.publishedScheduleId(tx, eventId);
    if (!scheduleId) return null;
    const rows: { slot: number; n: string; a: string; b: string }[] = await tx.query(
      `SELECT DISTINCT ON (sm.slot_index) sm.slot_index AS slot, count(*) OVER (PARTITION BY sm.slot_index) AS n, oa.name AS a, ob.name AS b
         FROM scheduled_meetings sm
         JOIN organisations oa ON oa.id = sm.organisation_a
         JOIN organisations ob ON ob.id = sm.organisation_b
        WHERE sm.schedule_id = $1
        ORDER BY sm.slot_index, sm.table_number`,
      [scheduleId],
    );
    return { scheduleId, slots: rows.map((r) => ({ ...r, n: Number(r.n) })) };
  }

  /** Meetings of a schedule at tables above `tables`: how many, the highest table, and one of them. */
  async meetingsBeyondTable(tx: EntityManager, scheduleId: string, tables: number): Promise<{ n: number; maxTable: number; table: number; slot: number; a: string; b: string } | null> {
    const [row]: { n: string; max_table: number; table: number; slot: number; a: string; b: string }[] = await tx.query(
      `SELECT count(*) OVER () AS n, max(sm.table_number) OVER () AS max_table, sm.table_number AS table, sm.slot_index AS slot, oa.name AS a, ob.name AS b
         FROM scheduled_meetings sm
         JOIN organisations oa ON oa.id = sm.organisation_a
         JOIN organisations ob ON ob.id = sm.organisation_b
        WHERE sm.schedule_id = $1 AND sm.table_number > $2
        ORDER BY sm.table_number DESC, sm.slot_index
        LIMIT 1`,
      [scheduleId, tables],
    );
    return row ? { n: Number(row.n), maxTable: row.max_table, table: row.table, slot: row.slot, a: row.a, b: row.b } : null;
  }

  /** How many meetings of the event's published schedule an organisation has (null: nothing is published). */
  async publishedMeetingsOf(tx: EntityManager, eventId: string, organisationId: string): Promise<{ scheduleId: string; n: number } | null> {
    const scheduleId = await this.publishedScheduleId(tx, eventId);
    if (!scheduleId) return null;
    const [{ n }]: { n: string }[] = await tx.query('SELECT count(*) AS n FROM scheduled_meetings WHERE schedule_id = $1 AND $2 IN (organisation_a, organisation_b)', [scheduleId, organisationId]);
    return { scheduleId, n: Number(n) };
  }

  async insertEvent(tx: EntityManager, values: Partial<EventEntity>, organiserKeyId: string | null): Promise<EventEntity> {
    const event = await tx.save(tx.create(EventEntity, values));
    if (organiserKeyId) await tx.save(tx.create(EventOrganiserEntity, { eventId: event.id, apiKeyId: organiserKeyId }));
    return event;
  }

  tieUpExists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.existsBy(TieUpEntity, { id });
  }

  async deleteEvent(id: string): Promise<void> {
    await this.db.getRepository(EventEntity).delete({ id });
  }

  /** An event's participants with their organisation and region, by organisation name. */
  participants(eventId: string, tx: EntityManager = this.db.manager): Promise<EventParticipantEntity[]> {
    return tx.find(EventParticipantEntity, {
      where: { eventId },
      relations: { organisation: { region: true } },
      order: { organisation: { name: 'ASC', id: 'ASC' } },
    });
  }

  participant(eventId: string, organisationId: string, tx: EntityManager = this.db.manager): Promise<EventParticipantEntity | null> {
    return tx.findOne(EventParticipantEntity, { where: { eventId, organisationId }, relations: { organisation: { region: true } } });
  }

  /** Organisations of the profile pool by id and by externalId. */
  async organisations(tx: EntityManager, ids: string[], externalIds: string[]): Promise<OrganisationEntity[]> {
    const found: OrganisationEntity[] = [];
    if (ids.length) found.push(...(await tx.findBy(OrganisationEntity, { id: In(ids) })));
    if (externalIds.length) found.push(...(await tx.findBy(OrganisationEntity, { externalId: In(externalIds) })));
    return found;
  }

  async saveParticipants(tx: EntityManager, rows: Partial<EventParticipantEntity>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await tx.save(rows.slice(i, i + 500).map((r) => tx.create(EventParticipantEntity, r)));
  }

  async updateParticipant(tx: EntityManager, eventId: string, organisationId: string, changes: Partial<EventParticipantEntity>): Promise<void> {
    await tx.update(EventParticipantEntity, { eventId, organisationId }, changes);
  }

  async deleteParticipant(eventId: string, organisationId: string, tx: EntityManager = this.db.manager): Promise<boolean> {
    const result = await tx.delete(EventParticipantEntity, { eventId, organisationId });
    return (result.affected ?? 0) > 0;
  }

  async existsBySlug(slug: string, tx: EntityManager = this.db.manager): Promise<boolean> {
    return tx.existsBy(EventEntity, { slug });
  }

  /** Finds an event by slug or creates a bare one with that rule (details can be filled in later). */
  async ensureEvent(slug: string, rule: MeetingRule | undefined, today: string): Promise<{ event: EventEntity; created: boolean; ruleChanged: boolean }> {
    const repo = this.db.getRepository(EventEntity);
    const existing = await repo.findOneBy({ slug });
    if (existing) {
      if (!rule || existing.meetingRule === rule) return { event: existing, created: false, ruleChanged: false };
      existing.meetingRule = rule;
      return { event: await repo.save(existing), created: false, ruleChanged: true };
    }
    const event = await repo.save(
      repo.create({ slug, name: slug, timeZone: 'UTC', startsOn: today, endsOn: today, meetingRule: rule ?? 'cross-country' }),
    );
    return { event, created: true, ruleChanged: false };
  }

  /** Adds organisations to an event; those already in it stay. Returns how many joined. */
  async addParticipants(eventId: string, organisationIds: string[]): Promise<number> {
    let joined = 0;
    for (let i = 0; i < organisationIds.length; i += 1000) {
      const inserted: unknown[] = await this.db.query(
        'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING organisation_id',
        [eventId, organisationIds.slice(i, i + 1000)],
      );
      joined += inserted.length;
    }
    return joined;
  }

  private async withCounts(events: EventEntity[]): Promise<EventWithCounts[]> {
    if (events.length === 0) return [];
    const rows: { event_id: string; n: string }[] = await this.db.query(
      'SELECT event_id, count(*) AS n FROM event_participants WHERE event_id = ANY($1) GROUP BY event_id',
      [events.map((e) => e.id)],
    );
    const counts = new Map(rows.map((r) => [r.event_id, Number(r.n)]));
    return events.map((event) => ({ event, participantCount: counts.get(event.id) ?? 0 }));
  }
}
