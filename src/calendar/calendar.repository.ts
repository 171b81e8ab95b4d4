import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarYearRow } from './entities/calendar-year.entity';
import { prepared } from '../database/prepared-statements';

/** All SQL of the calendar module. */
@Injectable()
export class CalendarRepository {
  all(em: EntityManager): Promise<CalendarYearRow[]> {
    return em.find(CalendarYearRow, { order: { year: 'ASC' } });
  }

  one(em: EntityManager, year: number): Promise<CalendarYearRow | null> {
    return em.findOne(CalendarYearRow, { where: { year } });
  }

  async upsert(em: EntityManager, row: Omit<CalendarYearRow, 'loadedAt'>): Promise<void> {
    await em.upsert(CalendarYearRow, row, { conflictPaths: ['year'] });
  }

  /** Changes whenever a year is loaded: lets every process notice a new schedule. */
  async version(em: EntityManager): Promise<string> {
    const [row] = await em.query<{ v: string }[]>(
      prepared(`SELECT count(*)::text || ':' || COALESCE(max(loaded_at)::text, '') AS v FROM calendar_years`),
    );
    return row.v;
  }
}
