import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../../database/bigint.transformer';
import type { DrawCandidate, DrawConflict, DrawInspector, RiskWeights } from '../draw';
import type { PlanStatus } from '../plans.state';

export interface PlanFilters {
  streets: string[];
  industries: string[];
  sizes: string[];
}

/**
 * A 双随机一公开 plan: the filters, the seed and the snapshot the draw ran on (candidates with weights, the
 * inspector pool and conflicts), so the draw can be re-run and checked against the stored hashes.
 */
@Entity({ name: 'inspection_plans' })
@Index('idx_inspection_plans_status_created', ['status', 'createdAt'])
export class InspectionPlan {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  status: PlanStatus;

  /** The planner's jurisdictions when the plan was drawn (the scope candidates came from). */
  @Column({ name: 'scope_codes', type: 'text', array: true })
  scopeCodes: string[];

  @Column({ type: 'jsonb' })
  filters: PlanFilters;

  @Column({ type: 'jsonb', nullable: true })
  weights: RiskWeights | null;

  @Column({ name: 'requested_count', type: 'int' })
  requestedCount: number;

  @Column({ name: 'matched_count', type: 'int' })
  matchedCount: number;

  @Column({ name: 'drawable_count', type: 'int' })
  drawableCount: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seed: number;

  @Column({ type: 'varchar', length: 32 })
  algorithm: string;

  @Column({ name: 'register_hash', type: 'char', length: 64 })
  registerHash: string;

  @Column({ name: 'inspector_pool_hash', type: 'char', length: 64 })
  inspectorPoolHash: string;

  /** The matched employers (id, street, weight) the draw ran on. */
  @Column({ type: 'jsonb', select: false })
  candidates: DrawCandidate[];

  /** The inspectors (id, jurisdictions) and conflicts the draw ran on; never published. */
  @Column({ name: 'inspector_pool', type: 'jsonb', select: false })
  inspectorPool: { inspectors: DrawInspector[]; conflicts: DrawConflict[] };

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
