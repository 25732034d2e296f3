import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A region taking part in tie-ups: a city, prefecture or state. */
@Entity('regions')
@Index('uq_regions_country_name', ['country', 'name'], { unique: true })
// Case-insensitive uniqueness: an expression index made by migration CaseInsensitiveNames1764800000000.
@Index('uq_regions_country_lower_name', { synchronize: false })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** ISO 3166-2 subdivision where known, e.g. DE-TH. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  subdivision: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
