import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const groups = require('../support/e2e-groups') as {
  SOLO: string[];
  partition: () => { file: string; weight: number; specs: string[] }[];
  particularFilesAsked: (argv: string[]) => boolean;
};

describe('the e2e groups of the whole suite (test/support/e2e-groups.js)', () => {
  it('hold every e2e spec exactly once, each in one group or run on its own', () => {
    const specs = readdirSync(join(__dirname, '..', 'e2e'))
      .filter((f) => f.endsWith('.e2e-spec.ts'))
      .map((f) => `test/e2e/${f}`)
      .sort();
    const dealt = groups.partition().flatMap((g) => g.specs);
    expect([...dealt, ...groups.SOLO].sort()).toEqual(specs);
    expect(new Set(dealt).size).toBe(dealt.length);
  });

  it('weigh about the same: the lightest is more than half the heaviest', () => {
    const parts = groups.partition();
    expect(parts.length).toBeGreaterThan(1);
    const weights = parts.map((g) => g.weight);
    expect(Math.max(...weights) - Math.min(...weights)).toBeLessThan(Math.max(...weights) / 2);
  });

  it('give way to particular files asked for, not to flags and their values', () => {
    const asked = (...args: string[]) => groups.particularFilesAsked(['node', 'jest', ...args]);
    expect(asked()).toBe(false);
    expect(asked('--selectProjects', 'unit', 'e2e', '--maxWorkers', '3')).toBe(false);
    expect(asked('-t', 'refuses')).toBe(false);
    expect(asked('--testPathPatterns', 'test/e2e/sla')).toBe(true);
    expect(asked('--testPathPatterns=sla')).toBe(true);
    expect(asked('--selectProjects', 'e2e', '--', 'test/e2e/sla.e2e-spec.ts')).toBe(true);
    expect(asked('arbitration')).toBe(true);
  });
});
