import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DocumentKind } from '../inspection.constants';
import { InspectionCase } from './inspection-case.entity';

/** A numbered document of a case (询问通知书, 责令改正指令书...), with its rendered text as issued. */
@Entity({ name: 'inspection_documents' })
@Index('idx_inspection_documents_case', ['caseId', 'issuedOn'])
export class InspectionDocument {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => InspectionCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_inspection_documents_case' })
  case?: InspectionCase;

  @Column({ type: 'varchar', length: 24 })
  kind: DocumentKind;

  @Index('uq_inspection_documents_doc_no', { unique: true })
  @Column({ name: 'doc_no', type: 'varchar', length: 40 })
  docNo: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** Served on the employer: never names a reporter (监察条例 第九条). */
  @Column({ name: 'employer_facing', type: 'boolean' })
  employerFacing: boolean;

  @Column({ type: 'text' })
  body: string;

  /** The structured facts of the document (deadlines, amounts); no personal data. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
