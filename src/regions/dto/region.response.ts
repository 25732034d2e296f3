import { ApiProperty } from '@nestjs/swagger';
import type { RegionEntity } from '../region.entity';
import type { TieUpEntity } from '../tie-up.entity';

export class RegionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Jena' }) name: string;
  @ApiProperty({ example: 'DE' }) country: string;
  @ApiProperty({ example: 'DE-TH', nullable: true, type: String }) subdivision: string | null;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;

  static from(r: RegionEntity): RegionResponse {
    return { id: r.id, name: r.name, country: r.country, subdivision: r.subdivision, timeZone: r.timeZone };
  }
}

export class TieUpResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Jena × Hamamatsu' }) name: string;
  @ApiProperty({ example: 'JETRO Regional Industry Tie-Up (RIT) 2007' }) programme: string;
  @ApiProperty({ type: [String], example: ['optics-photonics', 'ophthalmology'] }) focusSectors: string[];
  @ApiProperty({ nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: [RegionResponse] }) regions: RegionResponse[];

  static from(t: TieUpEntity): TieUpResponse {
    return {
      id: t.id,
      name: t.name,
      programme: t.programme,
      focusSectors: t.focusSectors,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      description: t.description,
      regions: (t.regions ?? []).map((r) => RegionResponse.from(r)).sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name)),
    };
  }
}
