import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../reference/entities/employer.entity';

/** A layoff plan (裁减人员方案) reported to the labor administration (裁员备案). */
@Entity({ name: 'layoff_filings' })
@Index('idx_layoff_filings_jurisdiction_created', ['jurisdictionCode', 'createdAt'])
@Index('idx_layoff_filings_employer_filed', ['employerId', 'filedOn'])
export class LayoffFiling {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_layoff_filings_employer' })
  employer?: Employer;

  /** The workplace street (staff scope is checked on it). */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  /** Asia/Shanghai date the report was received. */
  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'layoff_on', type: 'date' })
  layoffOn: string;

  @Column({ name: 'headcount_cut', type: 'int' })
  headcountCut: number;

  @Column({ name: 'total_headcount', type: 'int' })
  totalHeadcount: number;

  /**
   * 劳动合同法 第四十一条 governs it (≥ 20, or < 20 but ≥ 10% of staff), alone or with the employer's filings counted
   * with it (assessArt41); computed at filing and never changed by a later filing.
   */
  @Column({ name: 'art41_applies', type: 'boolean' })
  art41Applies: boolean;

  /** Earlier filings of the employer counted with this one (layoff dates within 90 days); empty: judged alone. */
  @Column({ name: 'art41_counted_filing_ids', type: 'uuid', array: true, default: () => "'{}'" })
  art41CountedFilingIds: string[];

  /** With counted filings: the summed cut and the largest staff reported, the figures the test used; else null. */
  @Column({ name: 'art41_headcount_cut', type: 'int', nullable: true })
  art41HeadcountCut: number | null;

  @Column({ name: 'art41_total_headcount', type: 'int', nullable: true })
  art41TotalHeadcount: number | null;

  @Column({ name: 'union_or_staff_notified_on', type: 'date', nullable: true })
  unionOrStaffNotifiedOn: string | null;

  /** Statutory grounds (LAYOFF_GROUNDS). */
  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  grounds: string[];

  @Column({ type: 'text' })
  reasons: string;

  @Column({ name: 'consultation_record', type: 'text', nullable: true })
  consultationRecord: string | null;

  /** FILED (the only state so far: the report is recorded). */
  @Column({ type: 'varchar', length: 16, default: 'FILED' })
  status: string;

  @Column({ name: 'filed_by_user_id', type: 'uuid' })
  filedByUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
