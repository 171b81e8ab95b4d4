import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type JurisdictionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET';

/** An administrative division (GB/T 2260 codes; street/town level is 9 digits, e.g. 310115005 陆家嘴街道). */
@Entity({ name: 'jurisdictions' })
export class Jurisdiction {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: JurisdictionLevel;

  @Index('idx_jurisdictions_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
