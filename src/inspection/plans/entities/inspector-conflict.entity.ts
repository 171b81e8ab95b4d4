import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../../auth/entities/user.entity';
import { Employer } from '../../../reference/entities/employer.entity';

/** A declared conflict of interest (回避): the inspector is never drawn for this employer. */
@Entity({ name: 'inspector_conflicts' })
@Index('uq_inspector_conflicts_pair', ['inspectorId', 'employerId'], { unique: true })
export class InspectorConflict {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'inspector_id', type: 'uuid' })
  inspectorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspector_id', foreignKeyConstraintName: 'fk_inspector_conflicts_inspector' })
  inspector?: User;

  @Index('idx_inspector_conflicts_employer')
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_inspector_conflicts_employer' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
