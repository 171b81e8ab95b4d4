import fc from 'fast-check';
import { fuzzBodies, nestedText } from './fuzz-bodies';
import { operations, readOpenApi, sampleValue } from './openapi-ops';

describe('fuzz bodies', () => {
  const doc = readOpenApi();
  const op = operations(doc).find((o) => o.operationId === 'ComplaintsController_create')!;
  const arb = fuzzBodies(doc, op.jsonBody!, sampleValue(doc, op.jsonBody!));

  it('are the same for the same seed', () => {
    const a = fc.sample(arb, { seed: 7, numRuns: 50 }).map((b) => b.text);
    expect(fc.sample(arb, { seed: 7, numRuns: 50 }).map((b) => b.text)).toEqual(a);
  });

  it('carry every hostile kind, and shared hostile values never grow from body to body', () => {
    const bodies = Array.from({ length: 20 }, (_, chunk) =>
      fc.sample(arb, { seed: 1 + chunk, numRuns: 100 }),
    ).flat();
    const kinds = new Set(
      bodies.flatMap((b) => b.kind.split('+').map((k) => k.replace(/^(extra|top)-/, ''))),
    );
    for (const k of ['typed', 'deep-2000', 'nul', 'lone-surrogate', 'string-1mb', 'proto-key', 'wrong-type'])
      expect(kinds).toContain(k);
    // A body holds at most three mutations: no body reaches four 1 MB strings.
    expect(Math.max(...bodies.map((b) => b.text.length))).toBeLessThan(4 * 1024 * 1024);
  });

  it('nest as deep as asked', () => {
    expect(nestedText(2000)).toMatch(/^(\{"a":\[){1000}1(\]\}){1000}$/);
  });
});
