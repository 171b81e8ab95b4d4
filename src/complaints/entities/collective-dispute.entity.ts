import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory } from '../complaint.constants';

/**
 * A collective labor dispute (集体劳动争议): 10 or more workers with a common claim against one employer
 * (调解仲裁法 第七条; 劳动人事争议仲裁办案规则 on 集体劳动人事争议). Each worker's complaint, claim and amount stay
 * their own; the dispute links them, records the elected representatives and gets priority.
 */
@Entity({ name: 'collective_disputes' })
@Index('idx_collective_disputes_employer', ['employerId', 'category'])
export class CollectiveDispute {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 32 })
  category: ComplaintCategory;

  /** Complaints of the 3–5 workers elected to represent the others (调解仲裁法 第七条). */
  @Column({ name: 'representative_complaint_ids', type: 'uuid', array: true })
  representativeComplaintIds: string[];

  @Column({ type: 'boolean', default: true })
  priority: boolean;

  @Column({ name: 'confirmed_by', type: 'uuid' })
  confirmedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A proposal staff dismissed: the same employer and category is not proposed again for the window. */
@Entity({ name: 'collective_proposal_dismissals' })
export class CollectiveProposalDismissal {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 32 })
  category: ComplaintCategory;

  @Column({ name: 'dismissed_on', type: 'date' })
  dismissedOn: string;

  @Column({ name: 'dismissed_by', type: 'uuid' })
  dismissedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
