import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IndustrySection, SizeClass } from '../employer-classification';

/**
 * How the employer entered the register: named in a complaint or an anonymous report, imported, or named in a filing
 * (裁员备案 etc.). A register import and a filing are verified sources: their name is the register's.
 */
export type EmployerSource = 'COMPLAINT' | 'REPORT' | 'REGISTER' | 'FILING';

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

  /**
   * The register's name: given by a verified source (a register import, a filing, staff) when `nameConfirmed`;
   * otherwise provisional, as the first filing typed it. A party's own wording stays on its complaint
   * (`complaints.employer_name_stated`).
   */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_confirmed', type: 'boolean', default: false })
  nameConfirmed: boolean;

  @Column({ name: 'name_normalised', type: 'varchar', length: 200 })
  nameNormalised: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /**
   * A mainland mobile number of the employer's contact, for the employer's SMS (reminders, the brigade's and the
   * commission's acts) once staff confirmed it (`contactPhoneConfirmedAt`). A number a party typed is their statement
   * on their complaint, never written here; numbers recorded before migration 1796400006600 stay unconfirmed.
   */
  @Column({ name: 'contact_phone', type: 'varchar', length: 11, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_phone_confirmed_at', type: 'timestamptz', nullable: true })
  contactPhoneConfirmedAt: Date | null;

  /** The staff account that confirmed the contact number (its event is on the complaint it was confirmed on). */
  @Column({ name: 'contact_phone_confirmed_by', type: 'uuid', nullable: true })
  contactPhoneConfirmedBy: string | null;

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
