import { CumulativeTable, Rng } from './rng';

const draws = (r: Rng, n: number) => Array.from({ length: n }, () => r.float());

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream, another for another seed or stream', () => {
    expect(draws(new Rng(42, 'a'), 5)).toEqual(draws(new Rng(42, 'a'), 5));
    expect(draws(new Rng(42, 'a'), 5)).not.toEqual(draws(new Rng(43, 'a'), 5));
    expect(draws(new Rng(42, 'a'), 5)).not.toEqual(draws(new Rng(42, 'b'), 5));
  });

  it('draws weighted choices in proportion to their weights', () => {
    const r = new Rng(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        r.weighted([
          ['a', 0.5],
          ['b', 0.3],
          ['c', 0.2],
        ] as const)
      ]++;
    expect(counts.a / 20_000).toBeCloseTo(0.5, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.3, 1);
    expect(counts.c / 20_000).toBeCloseTo(0.2, 1);
  });

  it('has log-normal draws with the stated median and Poisson counts with the stated mean', () => {
    const r = new Rng(2);
    const ln = Array.from({ length: 10_001 }, () => r.logNormal(38, 0.3)).sort((x, y) => x - y);
    expect(ln[5000]).toBeGreaterThan(36);
    expect(ln[5000]).toBeLessThan(40);
    for (const mean of [0.5, 7, 120]) {
      const xs = Array.from({ length: 5000 }, () => r.poisson(mean));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(mean, mean > 50 ? -1 : 0);
    }
  });

  it('keeps int() within its bounds', () => {
    const r = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(-3, 4);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThanOrEqual(4);
    }
  });
});

describe('CumulativeTable', () => {
  it('samples indexes in proportion to their weights and never an index of weight 0', () => {
    const t = new CumulativeTable([1, 0, 3]);
    const r = new Rng(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[t.sample(r)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });
});
