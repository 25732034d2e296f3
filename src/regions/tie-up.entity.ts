import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/** A cross-border partnership between two or more regions under a programme (e.g. JETRO RIT 2007). */
@Entity('tie_ups')
// Case-insensitive uniqueness: an expression index made by migration CaseInsensitiveNames1764800000000.
@Index('uq_tie_ups_lower_name', { synchronize: false })
export class TieUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  programme: string;

  /** Focus-sector ids (config/focus-sectors.json) that earn a scoring bonus. */
  @Column({ name: 'focus_sectors', type: 'text', array: true, default: () => "'{}'" })
  focusSectors: string[];

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @ManyToMany(() => RegionEntity)
  @JoinTable({
    name: 'tie_up_regions',
    joinColumn: { name: 'tie_up_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'region_id', referencedColumnName: 'id' },
  })
  regions: RegionEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
