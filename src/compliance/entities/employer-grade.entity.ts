import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Grade } from '../compliance.constants';

/** 劳动保障守法诚信等级 of an employer for a year, recomputed by the compliance.grade-year job. */
@Entity({ name: 'employer_grades' })
@Index('idx_employer_grades_year_grade', ['year', 'grade'])
export class EmployerGrade {
  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'char', length: 1 })
  grade: Grade;

  /** The rules that fired: [{ruleId, citation}] (src/compliance/grading.rules.ts). */
  @Column({ type: 'jsonb' })
  reasons: { ruleId: string; citation: string }[];

  /** Findings counted for the year. */
  @Column({ name: 'violation_count', type: 'int', default: 0 })
  violationCount: number;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}
