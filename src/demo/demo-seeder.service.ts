import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EventParticipantEntity } from '../events/event-participant.entity';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { RegionEntity } from '../regions/region.entity';
import { TieUpEntity } from '../regions/tie-up.entity';
import type { DemoData } from './demo-data.types';

export interface SeedSummary {
  regions: number;
  tieUps: number;
  organisations: number;
  events: number;
  participants: number;
}

/** Loads the German–Japanese demo stories. Upserts by natural keys, so running it twice changes nothing. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seeds only a database that holds no organisations and no events yet. */
  async seedIfEmpty(data: DemoData): Promise<SeedSummary | null> {
    const [orgs, events] = await Promise.all([this.db.getRepository(OrganisationEntity).count(), this.db.getRepository(EventEntity).count()]);
    if (orgs > 0 || events > 0) return null;
    const summary = await this.seed(data);
    this.logger.log({ ...summary }, 'seeded demo data');
    return summary;
  }

  async seed(data: DemoData): Promise<SeedSummary> {
    return this.db.transaction(async (tx) => {
      const regionIds = await this.upsertRegions(tx, data);
      const tieUpIds = await this.upsertTieUps(tx, data, regionIds);
      const orgIds = await this.upsertOrganisations(tx, data, regionIds);
      let participants = 0;
      for (const e of data.events) {
        const values = {
          slug: e.slug,
          name: e.name,
          description: e.description,
          venue: e.venue,
          timeZone: e.timeZone,
          startsOn: e.days[0],
          endsOn: e.days[e.days.length - 1],
          meetingRule: e.rule,
          tieUpId: tieUpIds.get(e.tieUpKey) ?? null,
        };
        const existing = await tx.findOneBy(EventEntity, { slug: e.slug });
        const event = await tx.getRepository(EventEntity).save(existing ? tx.merge(EventEntity, existing, values) : tx.create(EventEntity, values));
        const rows = e.participantExternalIds.map((x) => ({ eventId: event.id, organisationId: need(orgIds, x, 'organisation') }));
        await tx.createQueryBuilder().insert().into(EventParticipantEntity).values(rows).orIgnore().execute();
        participants += rows.length;
      }
      return { regions: regionIds.size, tieUps: tieUpIds.size, organisations: orgIds.size, events: data.events.length, participants };
    });
  }

  private async upsertRegions(tx: EntityManager, data: DemoData): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const r of data.regions) {
      const values = { name: r.name, country: r.country, subdivision: r.subdivision, timeZone: r.timeZone };
      const existing = await tx.findOneBy(RegionEntity, { country: r.country, name: r.name });
      const saved = await tx.getRepository(RegionEntity).save(existing ? tx.merge(RegionEntity, existing, values) : tx.create(RegionEntity, values));
      ids.set(r.key, saved.id);
    }
    return ids;
  }

  private async upsertTieUps(tx: EntityManager, data: DemoData, regionIds: Map<string, string>): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const t of data.tieUps) {
      const values = {
        name: t.name,
        programme: t.programme,
        focusSectors: t.focusSectors,
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        description: t.description,
        regions: t.regionKeys.map((k) => ({ id: need(regionIds, k, 'region') }) as RegionEntity),
      };
      const existing = await tx.findOne(TieUpEntity, { where: { name: t.name }, relations: { regions: true } });
      const saved = await tx.getRepository(TieUpEntity).save(existing ? tx.merge(TieUpEntity, existing, values) : tx.create(TieUpEntity, values));
      ids.set(t.key, saved.id);
    }
    return ids;
  }

  private async upsertOrganisations(tx: EntityManager, data: DemoData, regionIds: Map<string, string>): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const o of data.organisations) {
      const values = {
        externalId: o.externalId,
        name: o.name,
        kind: o.kind,
        country: o.country,
        regionId: need(regionIds, o.regionKey, 'region'),
        sectors: o.sectors,
        offers: o.offers,
        seeks: o.seeks,
        cooperation: o.cooperation,
        languages: o.languages,
        description: o.description,
        size: o.size,
        website: o.website,
        contactEmail: o.contactEmail,
      };
      const existing = await tx.findOneBy(OrganisationEntity, { externalId: o.externalId });
      const saved = await tx.getRepository(OrganisationEntity).save(existing ? tx.merge(OrganisationEntity, existing, values) : tx.create(OrganisationEntity, values));
      ids.set(o.externalId, saved.id);
    }
    return ids;
  }
}

function need(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo data refers to unknown ${what} "${key}"`);
  return id;
}
