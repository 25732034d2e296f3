import { ApiProperty } from '@nestjs/swagger';
import { COOPERATION_TYPES, ORGANISATION_KINDS, ORGANISATION_SIZES, type CooperationType, type OrganisationKind, type OrganisationSize } from '../profile.types';
import type { OrganisationEntity } from '../organisation.entity';

export class RegionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ProfileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty() country: string;
  @ApiProperty({ type: RegionRef }) region: RegionRef;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: [String] }) offers: string[];
  @ApiProperty({ type: [String] }) seeks: string[];
  @ApiProperty({ enum: COOPERATION_TYPES, isArray: true }) cooperation: CooperationType[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String, description: 'Detected language of the description (de, en, ja, und)' }) descriptionLang: string | null;
  @ApiProperty({ enum: ORGANISATION_SIZES, nullable: true }) size: OrganisationSize | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(o: OrganisationEntity): ProfileResponse {
    return {
      id: o.id,
      externalId: o.externalId,
      name: o.name,
      kind: o.kind,
      country: o.country,
      region: { id: o.regionId, name: o.region?.name ?? '' },
      sectors: o.sectors,
      offers: o.offers,
      seeks: o.seeks,
      cooperation: o.cooperation,
      languages: o.languages,
      description: o.description,
      descriptionLang: o.descriptionLang,
      size: o.size,
      website: o.website,
      contactEmail: o.contactEmail,
      version: o.version,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  }
}

export class ProfilePage {
  @ApiProperty({ type: [ProfileResponse] }) items: ProfileResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ImportRowError {
  @ApiProperty({ description: 'Line in the file (JSON arrays: position in the array)' }) line: number;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ example: 'sectors.1' }) field: string;
  @ApiProperty() message: string;
}

export class ImportResult {
  @ApiProperty() total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'Regions created for unknown region names' }) regionsCreated: number;
  @ApiProperty({ description: 'True when nothing was written because dryRun was set' }) dryRun: boolean;
}
