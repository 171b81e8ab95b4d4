import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** How the employer entered the register: named in a complaint, imported, or named in a filing (裁员备案 etc.). */
export type EmployerSource = 'COMPLAINT' | 'REGISTER' | 'FILING';

/** An employer, keyed by its 18-character Unified Social Credit Code when known (GB 32100-2015). */
@Entity({ name: 'employers' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
