import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
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
