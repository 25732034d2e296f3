import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { badFields } from '../common/field-error';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { sqlState } from './db-errors';
import type { TieUpInputDto, UpdateTieUpDto } from './dto/tie-up-input.dto';
import { TieUpResponse } from './dto/region.response';
import { RegionEntity } from './region.entity';
import { TieUpEntity } from './tie-up.entity';

/** Tie-ups: reads for every key, writes for admins (the controller's roles). */
@Injectable()
export class TieUpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async listTieUps(): Promise<TieUpResponse[]> {
    const rows = await this.db.getRepository(TieUpEntity).find({ relations: { regions: true }, order: { name: 'ASC' } });
    return rows.map((t) => TieUpResponse.from(t));
  }

  async getTieUp(id: string): Promise<TieUpResponse> {
    return TieUpResponse.from(await this.findTieUp(this.db.manager, id));
  }

  async createTieUp(dto: TieUpInputDto): Promise<TieUpResponse> {
    const startsOn = dto.startsOn ?? null;
    const endsOn = dto.endsOn ?? null;
    const focusSectors = dto.focusSectors ?? [];
    this.checkFields(focusSectors, startsOn, endsOn, 'endsOn');
    const id = await this.write(() =>
      this.db.transaction(async (tx) => {
        await assertNameFree(tx, dto.name, null);
        const regions = await findRegions(tx, dto.regionIds);
        const saved = await tx.getRepository(TieUpEntity).save(
          tx.create(TieUpEntity, { name: dto.name, programme: dto.programme, focusSectors, startsOn, endsOn, description: dto.description ?? '', regions }),
        );
        return saved.id;
      }),
    );
    return this.getTieUp(id);
  }

  async updateTieUp(id: string, dto: UpdateTieUpDto): Promise<TieUpResponse> {
    await this.write(() =>
      this.db.transaction(async (tx) => {
        const tieUp = await this.findTieUp(tx, id, true);
        const startsOn = dto.startsOn === undefined ? tieUp.startsOn : dto.startsOn;
        const endsOn = dto.endsOn === undefined ? tieUp.endsOn : dto.endsOn;
        this.checkFields(dto.focusSectors ?? [], startsOn, endsOn, dto.endsOn !== undefined ? 'endsOn' : 'startsOn');
        if (dto.name !== undefined && dto.name.toLowerCase() !== tieUp.name.toLowerCase()) await assertNameFree(tx, dto.name, id);
        if (dto.name !== undefined) tieUp.name = dto.name;
        if (dto.programme !== undefined) tieUp.programme = dto.programme;
        if (dto.focusSectors !== undefined) tieUp.focusSectors = dto.focusSectors;
        if (dto.description !== undefined) tieUp.description = dto.description;
        tieUp.startsOn = startsOn;
        tieUp.endsOn = endsOn;
        if (dto.regionIds !== undefined) tieUp.regions = await findRegions(tx, dto.regionIds);
        await tx.getRepository(TieUpEntity).save(tieUp);
      }),
    );
    return this.getTieUp(id);
  }

  /** Deletes the tie-up; events that referred to it keep going without one (the foreign key sets NULL). */
  async removeTieUp(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.findTieUp(tx, id, true);
      await tx.delete(TieUpEntity, { id });
    });
  }

  /** Focus sectors known to the taxonomy; dates in order. All problems at once. */
  private checkFields(focusSectors: string[], startsOn: string | null, endsOn: string | null, dateField: 'startsOn' | 'endsOn'): void {
    const problems = focusSectors.flatMap((s, i) => (this.taxonomy.taxonomy.focusSector(s) ? [] : [{ field: `focusSectors.${i}`, message: `unknown focus sector "${s}"` }]));
    if (startsOn && endsOn && startsOn > endsOn) problems.push({ field: dateField, message: `endsOn (${endsOn}) must not be before startsOn (${startsOn})` });
    if (problems.length) throw badFields(problems);
  }

  private async findTieUp(tx: EntityManager, id: string, lock = false): Promise<TieUpEntity> {
    if (lock) {
      // Lock the row alone (FOR UPDATE cannot apply to the outer join that loads the regions).
      const found = await tx.findOne(TieUpEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFoundException(`Tie-up ${id} not found`);
    }
    const tieUp = await tx.findOne(TieUpEntity, { where: { id }, relations: { regions: true } });
    if (!tieUp) throw new NotFoundException(`Tie-up ${id} not found`);
    return tieUp;
  }

  /** Turns constraint violations that slipped past the checks (concurrent writes) into 409s. */
  private async write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const state = sqlState(err);
      if (state === '23505') throw new ConflictException({ message: 'A tie-up with this name exists already', details: [{ field: 'name', messages: ['already taken'] }] });
      if (state === '23503') throw new ConflictException({ message: 'A region of the tie-up was deleted while this request ran; try again', details: [{ field: 'regionIds', messages: ['a region was deleted meanwhile'] }] });
      throw err;
    }
  }
}

/** The regions, in the order given; 400 naming regionIds.<i> for each unknown one. */
async function findRegions(tx: EntityManager, ids: string[]): Promise<RegionEntity[]> {
  // Share locks keep the regions from being deleted before the link rows are written.
  const found = await tx.getRepository(RegionEntity).find({ where: { id: In(ids) }, lock: { mode: 'pessimistic_read' } });
  const byId = new Map(found.map((r) => [r.id, r]));
  const problems = ids.flatMap((id, i) => (byId.has(id) ? [] : [{ field: `regionIds.${i}`, message: `unknown region ${id}` }]));
  if (problems.length) throw badFields(problems);
  return ids.map((id) => byId.get(id)!);
}

async function assertNameFree(tx: EntityManager, name: string, exceptId: string | null): Promise<void> {
  const qb = tx.getRepository(TieUpEntity).createQueryBuilder('t').where('lower(t.name) = lower(:name)', { name });
  if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
  const other = await qb.getOne();
  if (other) throw new ConflictException({ message: `A tie-up named ${other.name} exists already`, details: [{ field: 'name', messages: [`already taken (by tie-up ${other.id})`] }] });
}
