import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { badField } from '../common/field-error';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { sqlState } from './db-errors';
import type { RegionInputDto, UpdateRegionDto } from './dto/region-input.dto';
import { RegionResponse } from './dto/region.response';
import { RegionEntity } from './region.entity';
import { canonicalTimeZone } from '../common/time-zone';
import { TieUpEntity } from './tie-up.entity';

/** Regions: reads for every key, writes for admins (the controller's roles). */
@Injectable()
export class RegionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listRegions(): Promise<RegionResponse[]> {
    const rows = await this.db.getRepository(RegionEntity).find({ order: { country: 'ASC', name: 'ASC' } });
    return rows.map((r) => RegionResponse.from(r));
  }

  async getRegion(id: string): Promise<RegionResponse> {
    return RegionResponse.from(await this.findRegion(this.db.manager, id));
  }

  async createRegion(dto: RegionInputDto): Promise<RegionResponse> {
    const values = { name: dto.name, country: dto.country, subdivision: dto.subdivision ?? null, timeZone: canonicalTimeZone(dto.timeZone)! };
    checkSubdivision(values.country, values.subdivision);
    const saved = await this.write(() =>
      this.db.transaction(async (tx) => {
        await assertNameFree(tx, values.country, values.name, null);
        return tx.getRepository(RegionEntity).save(tx.create(RegionEntity, values));
      }),
    );
    return RegionResponse.from(saved);
  }

  async updateRegion(id: string, dto: UpdateRegionDto): Promise<RegionResponse> {
    const saved = await this.write(() =>
      this.db.transaction(async (tx) => {
        const region = await this.findRegion(tx, id, true);
        const next = {
          name: dto.name ?? region.name,
          country: dto.country ?? region.country,
          subdivision: dto.subdivision === undefined ? region.subdivision : dto.subdivision,
          timeZone: dto.timeZone === undefined ? region.timeZone : canonicalTimeZone(dto.timeZone)!,
        };
        checkSubdivision(next.country, next.subdivision, dto.subdivision === undefined ? 'country' : 'subdivision');
        if (next.country !== region.country) {
          // Organisations carry their own country; moving the region under them would contradict it.
          const organisations = await tx.countBy(OrganisationEntity, { regionId: id });
          if (organisations > 0) {
            throw conflict(
              `Region ${region.name} (${region.country}) has ${organisations} organisation(s) in ${region.country}; move them to another region before changing its country`,
              'country',
              'organisations belong to the region',
            );
          }
        }
        if (next.country !== region.country || next.name.toLowerCase() !== region.name.toLowerCase()) {
          await assertNameFree(tx, next.country, next.name, id);
        }
        return tx.getRepository(RegionEntity).save(Object.assign(region, next));
      }),
    );
    return RegionResponse.from(saved);
  }

  /**
   * Deletes a region nothing refers to. Organisations keep it (the foreign key restricts), and so do
   * tie-ups: their link rows would cascade away silently, leaving a tie-up with fewer regions.
   */
  async removeRegion(id: string): Promise<void> {
    await this.write(() =>
      this.db.transaction(async (tx) => {
        // The row lock orders this against concurrent inserts referring to the region (they take a key-share lock).
        const region = await this.findRegion(tx, id, true);
        const organisations = await tx.countBy(OrganisationEntity, { regionId: id });
        const tieUps = await tx
          .getRepository(TieUpEntity)
          .createQueryBuilder('t')
          .innerJoin('tie_up_regions', 'tr', 'tr.tie_up_id = t.id AND tr.region_id = :id', { id })
          .orderBy('t.name')
          .getMany();
        const reasons = [
          ...(organisations > 0 ? [`${organisations} organisation(s) belong to it; move or delete them first`] : []),
          ...(tieUps.length > 0 ? [`tie-up(s) ${tieUps.map((t) => `"${t.name}"`).join(', ')} include it; remove it from them first`] : []),
        ];
        if (reasons.length) {
          throw new ConflictException({ message: `Region ${region.name} (${region.country}) is in use: ${reasons.join('; ')}`, details: [{ field: 'id', messages: reasons }] });
        }
        await tx.delete(RegionEntity, { id });
      }),
    );
  }

  private async findRegion(tx: EntityManager, id: string, lock = false): Promise<RegionEntity> {
    const region = await tx.findOne(RegionEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!region) throw new NotFoundException(`Region ${id} not found`);
    return region;
  }

  /** Turns constraint violations that slipped past the checks (concurrent writes) into 409s. */
  private async write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const state = sqlState(err);
      if (state === '23505') throw conflict('A region with this country and name exists already', 'name', 'already taken in this country');
      if (state === '23503') throw new ConflictException('The region is in use (it changed while this request ran); try again');
      throw err;
    }
  }
}

function checkSubdivision(country: string, subdivision: string | null, field = 'subdivision'): void {
  if (subdivision && !subdivision.startsWith(`${country}-`)) {
    throw badField(field, `subdivision ${subdivision} does not lie in country ${country} (it must start with "${country}-")`);
  }
}

async function assertNameFree(tx: EntityManager, country: string, name: string, exceptId: string | null): Promise<void> {
  const qb = tx.getRepository(RegionEntity).createQueryBuilder('r').where('r.country = :country AND lower(r.name) = lower(:name)', { country, name });
  if (exceptId) qb.andWhere('r.id <> :exceptId', { exceptId });
  const other = await qb.getOne();
  if (other) throw conflict(`Region ${other.name} exists already in ${country}`, 'name', `already taken in ${country} (by ${other.name}, id ${other.id})`);
}

function conflict(message: string, field: string, detail: string): ConflictException {
  return new ConflictException({ message, details: [{ field, messages: [detail] }] });
}
