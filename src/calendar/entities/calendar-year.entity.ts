import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A year's official working-day schedule (国务院办公厅 notice on public holidays), loaded by an ADMIN. It overrides
 * the `chinese-days` package for that year.
 */
@Entity({ name: 'calendar_years' })
export class CalendarYearRow {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** ISO dates (YYYY-MM-DD) of the public-holiday days off. */
  @Column({ type: 'text', array: true })
  holidays: string[];

  /** ISO dates of the weekend days that are working days (调休). */
  @Column({ name: 'makeup_workdays', type: 'text', array: true })
  makeupWorkdays: string[];

  /** Where the schedule comes from, e.g. "国办发明电〔2025〕7号". */
  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Column({ name: 'loaded_by', type: 'uuid', nullable: true })
  loadedBy: string | null;

  @UpdateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
