import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '../../../reference/entities/employer.entity';
import type { ItemResult } from '../plans.state';
import { InspectionPlan } from './inspection-plan.entity';

/** One drawn employer of a plan with its two inspectors; its id is stable (an inspection case may cite it). */
@Entity({ name: 'inspection_plan_items' })
@Index('uq_inspection_plan_items_plan_employer', ['planId', 'employerId'], { unique: true })
@Index('uq_inspection_plan_items_plan_position', ['planId', 'position'], { unique: true })
export class InspectionPlanItem {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => InspectionPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_inspection_plan_items_plan' })
  plan?: InspectionPlan;

  /** 1-based draw order. */
  @Column({ type: 'int' })
  position: number;

  @Index('idx_inspection_plan_items_employer')
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_inspection_plan_items_employer' })
  employer?: Employer;

  @Index('idx_inspection_plan_items_street')
  @Column({ name: 'street_code', type: 'varchar', length: 12 })
  streetCode: string;

  @Column({ name: 'inspector_ids', type: 'uuid', array: true })
  inspectorIds: string[];

  @Column({ type: 'varchar', length: 24, nullable: true })
  result: ItemResult | null;

  @Column({ name: 'result_on', type: 'date', nullable: true })
  resultOn: string | null;

  @Column({ name: 'result_note', type: 'varchar', length: 500, nullable: true })
  resultNote: string | null;

  /** The inspection case opened for this item, if any (set when the item is turned into a case). */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
