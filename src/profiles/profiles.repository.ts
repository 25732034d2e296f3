import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type QueryFailedError } from 'typeorm';
import { sqlState } from '../regions/db-errors';
import { RegionEntity } from '../regions/region.entity';
import { defaultTimeZone } from '../regions/region-defaults';
import { OrganisationEntity } from './organisation.entity';

/** A write lost a race for an externalId: another request took it between the check and the write. */
export function isExternalIdTaken(err: unknown): boolean {
  return sqlState(err) === '23505' && ((err as QueryFailedError).driverError as { constraint?: string }).constraint === 'uq_organisations_external_id';
}

export interface ProfileFilter {
  country?: string;
  region?: string;
  /** Sector codes to match (the filter code with all its descendants). */
  sectors?: string[];
  kind?: string;
  q?: string;
  /** Only organisations taking part in this event. */
  eventSlug?: string;
}

/** Profile queries and writes. */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async findPage(filter: ProfileFilter, page: number, pageSize: number): Promise<{ items: OrganisationEntity[]; total: number }> {
    const qb = this.db.getRepository(OrganisationEntity).createQueryBuilder('o').leftJoinAndSelect('o.region', 'r');
    if (filter.country) qb.andWhere('o.country = :country', { country: filter.country });
    if (filter.region) qb.andWhere('lower(r.name) = lower(:region)', { region: filter.region });
    if (filter.sectors) qb.andWhere('o.sectors && :sectors::text[]', { sectors: filter.sectors });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.eventSlug) {
      qb.innerJoin('event_participants', 'ep', 'ep.organisation_id = o.id').innerJoin('events', 'ev', 'ev.id = ep.event_id AND ev.slug = :eventSlug', {
        eventSlug: filter.eventSlug,
      });
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        "(o.name ILIKE :like OR o.description ILIKE :like OR array_to_string(o.offers, ' ') ILIKE :like OR array_to_string(o.seeks, ' ') ILIKE :like)",
        { like },
      );
    }
    const [items, total] = await qb
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  findById(id: string, tx: EntityManager = this.db.manager): Promise<OrganisationEntity | null> {
    return tx.findOne(OrganisationEntity, { where: { id }, relations: { region: true } });
  }

  findByExternalIds(ids: string[], tx: EntityManager): Promise<OrganisationEntity[]> {
    return ids.length ? tx.findBy(OrganisationEntity, { externalId: In(ids) }) : Promise.resolve([]);
  }

  findByIds(ids: string[], tx: EntityManager): Promise<OrganisationEntity[]> {
    return ids.length ? tx.findBy(OrganisationEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Locks the rows of the events the organisation takes part in, in id order, and returns their ids:
   * publishing and participant changes lock the event row first, so none of them runs between a
   * profile delete's checks and the delete.
   */
  async lockEventsOf(tx: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      'SELECT e.id FROM events e WHERE e.id IN (SELECT event_id FROM event_participants WHERE organisation_id = $1) ORDER BY e.id FOR UPDATE',
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** The published schedules holding meetings of the organisation: event, schedule and how many. */
  publishedMeetingsOf(tx: EntityManager, organisationId: string): Promise<{ slug: string; scheduleId: string; n: number }[]> {
    return tx.query(
      `SELECT e.slug, s.id AS "scheduleId", count(*)::int AS n
         FROM scheduled_meetings sm JOIN schedules s ON s.id = sm.schedule_id JOIN events e ON e.id = s.event_id
        WHERE s.status = 'published' AND $1 IN (sm.organisation_a, sm.organisation_b)
        GROUP BY e.slug, s.id ORDER BY e.slug, s.id`,
      [organisationId],
    );
  }

  /**
   * Of the given organisations, those that take part in at least one event the organiser key
   * organises and in no event it does not (the event half of the organiser write rule, profile-access.ts).
   */
  async onlyInEventsOf(organisationIds: string[], keyId: string, tx: EntityManager = this.db.manager): Promise<Set<string>> {
    if (organisationIds.length === 0) return new Set();
    const rows: { organisation_id: string }[] = await tx.query(
      `SELECT ep.organisation_id FROM event_participants ep
         LEFT JOIN event_organisers eo ON eo.event_id = ep.event_id AND eo.api_key_id = $2
        WHERE ep.organisation_id = ANY($1::uuid[])
        GROUP BY ep.organisation_id
       HAVING bool_and(eo.api_key_id IS NOT NULL)`,
      [organisationIds, keyId],
    );
    return new Set(rows.map((r) => r.organisation_id));
  }

  /** Finds a region by country and name (case-insensitive), creating it under the country if unknown. */
  async resolveRegion(tx: EntityManager, country: string, name: string): Promise<{ region: RegionEntity; created: boolean }> {
    const find = () =>
      tx
        .getRepository(RegionEntity)
        .createQueryBuilder('r')
        .where('r.country = :country AND lower(r.name) = lower(:name)', { country, name: name.trim() })
        .getOne();
    const existing = await find();
    if (existing) return { region: existing, created: false };
    // Another request may be creating the same region: the unique indexes make this insert wait for
    // it and then do nothing, and the region it made is read (a plain insert would fail with a 500).
    const inserted: { id: string }[] = await tx.query(
      'INSERT INTO regions (name, country, subdivision, time_zone) VALUES ($1, $2, NULL, $3) ON CONFLICT DO NOTHING RETURNING id',
      [name.trim(), country, defaultTimeZone(country)],
    );
    const region = await find();
    if (!region) throw new Error(`region ${name.trim()} (${country}) was neither found nor created`);
    return { region, created: inserted.length > 0 };
  }

  async streamAll(filter: ProfileFilter): Promise<OrganisationEntity[]> {
    const all: OrganisationEntity[] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.findPage(filter, page, 1000);
      all.push(...items);
      if (items.length < 1000) return all;
    }
  }
}
