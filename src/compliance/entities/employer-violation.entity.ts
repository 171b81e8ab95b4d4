import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import { Employer } from '../../reference/entities/employer.entity';
import type { ViolationKind, ViolationSource } from '../compliance.constants';

/** One violation finding (被查处) on an employer: its history, the input of grades, listings and publications. */
@Entity({ name: 'employer_violations' })
@Index('idx_employer_violations_employer_found', ['employerId', 'foundOn'])
@Index('idx_employer_violations_found', ['foundOn'])
@Index('uq_employer_violations_source', ['sourceType', 'sourceId'], {
  unique: true,
  where: 'source_id IS NOT NULL',
})
export class EmployerViolation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_employer_violations_employer' })
  employer?: Employer;

  /** The street/town where it was found: staff scope is checked against it. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ name: 'source_type', type: 'varchar', length: 12 })
  sourceType: ViolationSource;

  /** The inspection case (source INSPECTION); null for MANUAL records. No foreign key: another module's table. */
  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @Column({ name: 'found_on', type: 'date' })
  foundOn: string;

  @Column({ type: 'text', array: true })
  kinds: ViolationKind[];

  @Column({ name: 'arrears_fen', type: 'bigint', default: 0, transformer: bigintToNumber })
  arrearsFen: number;

  @Column({ name: 'workers_affected', type: 'int', default: 0 })
  workersAffected: number;

  /** 责令限期支付/整改 and not complied with (逾期未支付, 拒不履行). */
  @Column({ name: 'order_refused', type: 'boolean', default: false })
  orderRefused: boolean;

  /** 群体性事件、极端事件 (or serious adverse social impact). */
  @Column({ name: 'mass_incident', type: 'boolean', default: false })
  massIncident: boolean;

  /** Transferred to the police (拒不支付劳动报酬罪 etc.): a fact of the handling, not yet criminal liability. */
  @Column({ name: 'criminal_transfer', type: 'boolean', default: false })
  criminalTransfer: boolean;

  /**
   * The day a court's judgment held someone criminally liable for it (被追究刑事责任): what grade C needs
   * (评价办法 第七条第（三）项), recorded when the judgment is known; null until then.
   */
  @Column({ name: 'criminal_liability_on', type: 'date', nullable: true })
  criminalLiabilityOn: string | null;

  /** The judgment's reference (案号), with the liability. */
  @Column({ name: 'criminal_liability_ref', type: 'varchar', length: 64, nullable: true })
  criminalLiabilityRef: string | null;

  /** The arrears concern 农民工 (migrant workers): what the wage-arrears blacklist needs (人社部令第45号 第五条). */
  @Column({ name: 'migrant_workers', type: 'boolean', default: false })
  migrantWorkers: boolean;

  /** The arrears reach the 拒不支付劳动报酬罪 amount threshold (decided by the inspection module). */
  @Column({ name: 'meets_crime_threshold', type: 'boolean', default: false })
  meetsCrimeThreshold: boolean;

  /** 重大劳动保障违法行为 (人社部令第29号 第五条): published in the quarterly batch. */
  @Column({ type: 'boolean', default: false })
  major: boolean;

  /** Main facts as published (no personal data). */
  @Column({ type: 'text', default: '' })
  facts: string;

  /** The handling (处理情况: orders, penalties, transfer) as published. */
  @Column({ type: 'text', default: '' })
  handling: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
