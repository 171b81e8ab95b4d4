import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from './employer.entity';

/**
 * One character or character pair of an employer's lower-cased name, for the name search (migration 1796400001600).
 * Written only by the statement triggers on `employers`; the platform reads it through `employer_name_search_source`.
 */
@Entity({ name: 'employer_name_grams' })
@Index('idx_employer_name_grams_employer', ['employerId'])
export class EmployerNameGram {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_employer_name_grams' })
  gram: string;

  @PrimaryColumn({ name: 'employer_id', type: 'uuid', primaryKeyConstraintName: 'pk_employer_name_grams' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_employer_name_grams_employer' })
  employer?: Employer;
}
