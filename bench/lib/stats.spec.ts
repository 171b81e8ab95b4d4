import { median, medianOfRuns, percentile, summarise } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('takes medians of odd and even counts and of run summaries', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const runs = [summarise([1, 2, 3]), summarise([10, 20, 30]), summarise([5, 6, 7])];
    expect(medianOfRuns(runs).p50).toBe(6);
    expect(medianOfRuns(runs).max).toBe(7);
  });
});
