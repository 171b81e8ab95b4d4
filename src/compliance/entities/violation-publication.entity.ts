import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint.transformer';
import type { ViolationKind } from '../compliance.constants';
import { EmployerViolation } from './employer-violation.entity';

/**
 * A batch of 重大劳动保障违法行为 published by the HRSS bureau of a jurisdiction (人社部令第29号): one regular batch per
 * quarter, and supplementary ones for violations of that quarter recorded after it was published.
 */
@Entity({ name: 'violation_publications' })
@Index('uq_violation_publications_quarter', ['jurisdictionCode', 'year', 'quarter'], {
  unique: true,
  where: 'NOT supplementary',
})
export class ViolationPublication {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The publishing bureau's scope (a district or street code); covers the violations found in it. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  quarter: number;

  @Column({ name: 'published_on', type: 'date' })
  publishedOn: string;

  /** A later batch of a quarter already published (人社部令第29号 第八条: 可随时公布). */
  @Column({ type: 'boolean', default: false })
  supplementary: boolean;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One published violation: a snapshot of what was published (the register may change afterwards). */
@Entity({ name: 'violation_publication_items' })
@Index('idx_violation_publication_items_publication', ['publicationId'])
export class ViolationPublicationItem {
  /** A violation is published once. */
  @PrimaryColumn({ name: 'violation_id', type: 'uuid' })
  violationId: string;

  @ManyToOne(() => EmployerViolation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'violation_id', foreignKeyConstraintName: 'fk_violation_publication_items_violation' })
  violation?: EmployerViolation;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId: string;

  @ManyToOne(() => ViolationPublication, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'publication_id',
    foreignKeyConstraintName: 'fk_violation_publication_items_publication',
  })
  publication?: ViolationPublication;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'employer_name', type: 'varchar', length: 200 })
  employerName: string;

  @Column({ type: 'char', length: 18, nullable: true })
  uscc: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'found_on', type: 'date' })
  foundOn: string;

  @Column({ type: 'text', array: true })
  kinds: ViolationKind[];

  @Column({ name: 'arrears_fen', type: 'bigint', default: 0, transformer: bigintToNumber })
  arrearsFen: number;

  @Column({ name: 'workers_affected', type: 'int', default: 0 })
  workersAffected: number;

  @Column({ type: 'text' })
  facts: string;

  @Column({ type: 'text' })
  handling: string;
}
