import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PostponeHearingDto, RecordPaperDto } from '../../src/arbitration/dto/arbitration.dto';
import { ComplaintQueryDto } from '../../src/complaints/dto/complaint-query.dto';
import { ClockEventDto } from '../../src/deadlines/dto/deadlines.dto';
import { RecordResultDto } from '../../src/inspection/plans/dto/plans.dto';
import { InstalmentInputDto } from '../../src/mediation/dto/mediation.dto';
import { BacktestDto } from '../../src/risk/dto/risk.dto';

/**
 * Every request date field refuses an impossible date (2026-02-30) at validation, on the field the caller sent: a
 * date that only looks right must not reach the deadline engine (which would name its own field, `event.date`) or
 * PostgreSQL.
 */
const DATE_FIELDS: [ClassConstructor<object>, string][] = [
  [RecordPaperDto, 'on'],
  [PostponeHearingDto, 'requestedOn'],
  [ComplaintQueryDto, 'from'],
  [ComplaintQueryDto, 'to'],
  [ClockEventDto, 'date'],
  [RecordResultDto, 'resultOn'],
  [InstalmentInputDto, 'dueOn'],
  [BacktestDto, 'from'],
  [BacktestDto, 'to'],
];

describe('request date fields refuse impossible dates on their own field', () => {
  it.each(DATE_FIELDS)('%p.%s', (dto, field) => {
    const failed = (value: string) =>
      validateSync(plainToInstance(dto, { [field]: value })).some((e) => e.property === field);
    expect(failed('2026-02-28')).toBe(false);
    expect(failed('2026-02-30')).toBe(true);
    expect(failed('2026-13-01')).toBe(true);
  });
});
