import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { Employer } from '../../reference/entities/employer.entity';

/** A mediator's declared conflict of interest with an employer (回避): never assigned its cases. */
@Entity({ name: 'mediator_conflicts' })
export class MediatorConflict {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mediator_conflicts_user' })
  user?: User;

  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_mediator_conflicts_employer' })
  employer?: Employer;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}
