import { addDays, daysBetween } from '../../src/calendar/local-date';
import { PEAK_DAYS, PEAK_FACTOR } from './distributions';
import { arrearsPeakFactor, planDays, springFestivalStart } from './intensity';

describe('calendar intensity', () => {
  it('knows the Spring Festival holiday starts from the official schedules (chinese-days)', () => {
    expect(springFestivalStart(2024)).toBe('2024-02-10');
    expect(springFestivalStart(2025)).toBe('2025-01-28');
    expect(springFestivalStart(2026)).toBe('2026-02-15');
    expect(springFestivalStart(1900)).toBeNull();
  });

  it('raises wage-arrears intake only in the weeks before the festival', () => {
    const f = ['2026-02-15'];
    expect(arrearsPeakFactor('2026-02-14', f)).toBe(PEAK_FACTOR);
    expect(arrearsPeakFactor(addDays('2026-02-15', -PEAK_DAYS), f)).toBe(PEAK_FACTOR);
    expect(arrearsPeakFactor(addDays('2026-02-15', -PEAK_DAYS - 1), f)).toBe(1);
    expect(arrearsPeakFactor('2026-02-15', f)).toBe(1);
    expect(arrearsPeakFactor('2026-06-01', f)).toBe(1);
  });

  it('plans the stated total over the period, with the arrears peak and fewer complaints on weekends', () => {
    const plan = planDays('2026-11-26', 1096, 150_000, 0.42);
    expect(plan).toHaveLength(1096);
    expect(plan[plan.length - 1].date).toBe('2026-11-26');
    expect(daysBetween(plan[0].date, plan[plan.length - 1].date)).toBe(1095);
    const total = plan.reduce((s, d) => s + d.arrears + d.other, 0);
    expect(total).toBeCloseTo(150_000, 3);
    const day = (date: string) => plan.find((d) => d.date === date)!;
    // Weekdays outside holidays: 2026-01-20 (in the run-up to 2026-02-15) vs 2026-06-09.
    expect(day('2026-01-20').arrears / day('2026-06-09').arrears).toBeGreaterThan(PEAK_FACTOR * 0.95);
    expect(day('2026-01-20').other / day('2026-06-09').other).toBeLessThan(1);
    // A Saturday vs the Friday before.
    expect(day('2026-06-13').other).toBeLessThan(day('2026-06-12').other / 2);
  });
});
