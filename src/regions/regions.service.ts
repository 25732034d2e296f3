import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RegionResponse, TieUpResponse } from './dto/region.response';
import { RegionEntity } from './region.entity';
import { TieUpEntity } from './tie-up.entity';

@Injectable()
export class RegionsService {
  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(TieUpEntity) private readonly tieUps: Repository<TieUpEntity>,
  ) {}

  async listRegions(): Promise<RegionResponse[]> {
    const rows = await this.regions.find({ order: { country: 'ASC', name: 'ASC' } });
    return rows.map((r) => RegionResponse.from(r));
  }

  async listTieUps(): Promise<TieUpResponse[]> {
    const rows = await this.tieUps.find({ relations: { regions: true }, order: { name: 'ASC' } });
    return rows.map((t) => TieUpResponse.from(t));
  }
}
