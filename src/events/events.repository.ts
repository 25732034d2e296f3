import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { MeetingRule } from '../profiles/profile.types';
import type { Principal } from '../auth/principal';
import { EventEntity } from './event.entity';

export interface EventWithCounts {
  event: EventEntity;
  participantCount: number;
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

  async existsBySlug(slug: string): Promise<boolean> {
    return this.db.getRepository(EventEntity).existsBy({ slug });
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
