import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RegionEntity } from '../regions/region.entity';
import { defaultTimeZone } from '../regions/region-defaults';
import { OrganisationEntity } from './organisation.entity';

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

  eventsOf(organisationId: string): Promise<{ event_id: string }[]> {
    return this.db.query('SELECT event_id FROM event_participants WHERE organisation_id = $1', [organisationId]);
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
    const existing = await tx
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .where('r.country = :country AND lower(r.name) = lower(:name)', { country, name: name.trim() })
      .getOne();
    if (existing) return { region: existing, created: false };
    const region = await tx.getRepository(RegionEntity).save(tx.create(RegionEntity, { country, name: name.trim(), subdivision: null, timeZone: defaultTimeZone(country) }));
    return { region, created: true };
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
