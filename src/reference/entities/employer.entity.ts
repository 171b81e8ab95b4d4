import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IndustrySection, SizeClass } from '../employer-classification';

/** How the employer entered the register: named in a complaint, imported, or named in a filing (裁员备案 etc.). */
export type EmployerSource = 'COMPLAINT' | 'REGISTER' | 'FILING';

/** An employer, keyed by its 18-character Unified Social Credit Code when known (GB 32100-2015). */
@Entity({ name: 'employers' })
// pg_trgm GIN index on name (migration 1796320000200) for the search; TypeORM cannot declare its operator class.
@Index('idx_employers_name_trgm', { synchronize: false })
@Index('uq_employers_name_without_uscc', ['nameNormalised'], { unique: true, where: 'uscc IS NULL' })
export class Employer {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('uq_employers_uscc', { unique: true })
  @Column({ type: 'char', length: 18, nullable: true })
  uscc: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_normalised', type: 'varchar', length: 200 })
  nameNormalised: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /** A mainland mobile number of the employer's contact, for reminders (e.g. instalments due). */
  @Column({ name: 'contact_phone', type: 'varchar', length: 11, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: EmployerSource;

  /** Street/town (9-digit division code) where the employer operates; set by the register. */
  @Index('idx_employers_street')
  @Column({ name: 'street_code', type: 'varchar', length: 12, nullable: true })
  streetCode: string | null;

  /** GB/T 4754-2017 门类 (section letter A–T; 'E' = 建筑业). */
  @Column({ name: 'industry_code', type: 'varchar', length: 1, nullable: true })
  industryCode: IndustrySection | null;

  /** 统计上大中小微型企业划分办法 (2017) size class. */
  @Column({ name: 'size_class', type: 'varchar', length: 8, nullable: true })
  sizeClass: SizeClass | null;

  @Column({ type: 'int', nullable: true })
  headcount: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
