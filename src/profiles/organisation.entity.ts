import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { RegionEntity } from '../regions/region.entity';
import type { CooperationType, OrganisationKind, OrganisationSize } from './profile.types';

/** An organisation's profile: who it is, what it offers and what it seeks. */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Caller-chosen id for upserts from imports. */
  @Index('uq_organisations_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 120, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganisationKind;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Index('ix_organisations_region')
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;

  /** Sector codes (NACE Rev. 2). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  offers: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  seeks: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cooperation: CooperationType[];

  /** ISO 639-1 codes the organisation can meet in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', default: '' })
  description: string;

  /** Detected language of the description (de, en, ja, und). */
  @Column({ name: 'description_lang', type: 'varchar', length: 8, nullable: true })
  descriptionLang: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  size: OrganisationSize | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  /** The API key that created the profile: organisers may edit what they created. */
  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
