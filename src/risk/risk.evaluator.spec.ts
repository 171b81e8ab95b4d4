import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { beforeSpringFestival, CompiledRuleSet, explain, springFestival } from './risk.evaluator';
import { FEATURES, type FeatureVector } from './risk.features';
import { DEFAULT_RULE_SET, type RiskRule } from './risk.rules';

const compiled = new CompiledRuleSet(DEFAULT_RULE_SET);
/** A date far from any Spring Festival window (no uplift). */
const SUMMER = '2026-07-15';

/** Random feature vectors: every catalogue feature with a value of its type. */
const vectorArb: fc.Arbitrary<FeatureVector> = fc.record(
  Object.fromEntries(
    FEATURES.map((f) => [
      f.name,
      f.type === 'integer'
        ? fc.integer({ min: 0, max: 50 })
        : f.type === 'number'
          ? fc.double({ min: 0, max: 50, noNaN: true })
          : f.type === 'boolean'
            ? fc.boolean()
            : f.type === 'ids'
              ? fc.array(fc.uuid(), { maxLength: 3 })
              : fc.constant(''),
    ]),
  ),
);

type Leaf = { fact: string; operator: string; value: unknown };
const leaves = (r: RiskRule): Leaf[] => ('all' in r.conditions ? r.conditions.all : []) as Leaf[];

/** The value that just meets a leaf, and the one just below it. */
function atAndBelow(l: Leaf): [unknown, unknown] {
  if (l.operator === 'greaterThanInclusive')
    return [l.value, (l.value as number) - (Number.isInteger(l.value) ? 1 : 0.01)];
  if (l.operator === 'equal' && l.value === true) return [true, false];
  throw new Error(`test does not know ${l.operator}`);
}

describe('built-in rules fire exactly at their thresholds', () => {
  for (const rule of DEFAULT_RULE_SET.rules) {
    const ls = leaves(rule);
    it(`${rule.id}: at the threshold it fires, one below any condition it does not`, async () => {
      expect(ls.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(vectorArb, fc.nat({ max: ls.length - 1 }), async (v, below) => {
          const at = { ...v };
          for (const l of ls) at[l.fact] = atAndBelow(l)[0] as FeatureVector[string];
          const fired = await compiled.evaluate(at, SUMMER);
          expect(fired.hits.map((h) => h.ruleId)).toContain(rule.id);
          const hit = fired.hits.find((h) => h.ruleId === rule.id)!;
          for (const l of ls) expect(hit.facts[l.fact]).toEqual(at[l.fact]);
          for (const e of rule.evidence ?? []) expect(hit.facts).toHaveProperty(e);
          expect(fired.levels[rule.kind]).toBeDefined();

          const under = { ...at, [ls[below].fact]: atAndBelow(ls[below])[1] as FeatureVector[string] };
          const notFired = await compiled.evaluate(under, SUMMER);
          expect(notFired.hits.map((h) => h.ruleId)).not.toContain(rule.id);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('the level of a kind is the highest contribution of its hits', async () => {
    await fc.assert(
      fc.asyncProperty(vectorArb, async (v) => {
        const ev = await compiled.evaluate({ ...v, construction: false }, SUMMER);
        const order = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];
        for (const kind of ['WAGE_ARREARS', 'MASS_DISPUTE'] as const) {
          const ranks = ev.hits.filter((h) => h.kind === kind).map((h) => order.indexOf(h.level));
          if (ranks.length === 0) expect(ev.levels[kind]).toBeUndefined();
          else expect(order.indexOf(ev.levels[kind]!)).toBe(Math.max(...ranks));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('construction employers before Spring Festival weigh one level higher', () => {
  const sf2027 = springFestival(2027);
  const orange: FeatureVector = { wageComplaints30d: 3 };

  it('knows Spring Festival from the lunar calendar', () => {
    expect(springFestival(2026)).toBe('2026-02-17');
    expect(sf2027).toBe('2027-02-06');
  });

  it('raises ORANGE to RED within the 60 days before, not on day 61 nor on the festival', async () => {
    const within = await compiled.evaluate({ ...orange, construction: true }, addDays(sf2027, -60));
    expect(within.levels.WAGE_ARREARS).toBe('RED');
    expect(within.uplifted).toBe(true);
    expect(
      (await compiled.evaluate({ ...orange, construction: true }, addDays(sf2027, -61))).levels.WAGE_ARREARS,
    ).toBe('ORANGE');
    expect((await compiled.evaluate({ ...orange, construction: true }, sf2027)).levels.WAGE_ARREARS).toBe(
      'ORANGE',
    );
    expect(beforeSpringFestival(addDays(sf2027, -1))).toBe(true);
  });

  it('does not raise other industries', async () => {
    const ev = await compiled.evaluate({ ...orange, construction: false }, addDays(sf2027, -10));
    expect(ev.levels.WAGE_ARREARS).toBe('ORANGE');
  });
});

describe('explanations', () => {
  it('fills {{fact}} placeholders, counting id lists', () => {
    expect(explain('{{a}} workers, ids {{b}}, {{missing}}', { a: 12, b: ['x', 'y'] })).toBe(
      '12 workers, ids 2, —',
    );
  });

  it('shows fen as yuan, categories by name and numbers to one decimal; an unknown filter shows the value', () => {
    expect(
      explain('{{f|yuan}} {{c|category}} {{n|number}} {{n|nope}} {{missing|yuan}} {{c|yuan}}', {
        f: 3000001,
        c: 'WAGE_ARREARS',
        n: 0.7777,
      }),
    ).toBe('30000.01元 拖欠工资 0.8 0.7777 — WAGE_ARREARS');
  });

  it('the built-in explanations show no raw codes, fen or long decimals', () => {
    const vector = {
      wageWorkers90d: 12,
      claimedArrearsFen90d: 3600000,
      owedWageWorkers90d: 12,
      owedArrearsFen90d: 3600000,
      maxCommonClaimWorkers30d: 12,
      commonClaimCategory30d: 'WAGE_ARREARS',
      complaints7d: 12,
      complaintsPrior90dWeeklyAvg: 0.23076923,
      socialInsuranceArrearsMonths: 3,
      complaints90d: 2,
    };
    const byId = new Map(DEFAULT_RULE_SET.rules.map((r) => [r.id, explain(r.explanation, vector)]));
    expect(byId.get('WA-CRIME-THRESHOLD')).toContain('尚欠累计36000.00元');
    // Complaints are no order to pay (法释〔2013〕3号 第四条): verify and order payment first; a transfer only after that
    // order's period ends unpaid.
    expect(byId.get('WA-CRIME-THRESHOLD')).toMatch(
      /：立即核查、依法责令限期支付；逾期仍不支付的，评估移送公安机关$/,
    );
    expect(DEFAULT_RULE_SET.rules.find((r) => r.id === 'WA-CRIME-THRESHOLD')!.basis).toContain(
      '法释〔2013〕3号 第三条 (省级数额标准)、第四条',
    );
    expect(byId.get('MD-COMMON-CLAIM-10')).toBe('30日内12名劳动者就拖欠工资对同一单位提出投诉');
    expect(byId.get('MD-SURGE-7D')).toBe('近7日12件投诉，此前90日周均值0.2件');
    for (const text of byId.values()) expect(text).not.toMatch(/[A-Z]{3,}_[A-Z]|\d分|\.\d{3,}/);
  });
});

describe('an explanation is built from the facts stored with its hit (issue 18)', () => {
  it('every hit re-renders from its stored facts alone', async () => {
    const templates = new Map(DEFAULT_RULE_SET.rules.map((r) => [r.id, r.explanation]));
    await fc.assert(
      fc.asyncProperty(vectorArb, async (v) => {
        for (const hit of (await compiled.evaluate(v, SUMMER)).hits)
          expect(explain(templates.get(hit.ruleId)!, hit.facts as FeatureVector)).toBe(hit.explanation);
      }),
      { numRuns: 200 },
    );
  });

  it('the crime threshold met by an inspection case alone is explained by that case, not the complaints window', async () => {
    const v: FeatureVector = {
      wageCrimeThresholdMet: true,
      wageCrimeInspectionCases365d: 1,
      wageCrimeCaseWorkers: 1,
      wageCrimeCaseArrearsFen: 2_000_000,
      wageWorkers90d: 0,
      claimedArrearsFen90d: 0,
    };
    const { hits } = await compiled.evaluate(v, SUMMER);
    expect(hits.map((h) => h.ruleId)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
    expect(hits[0].explanation).toContain('1名劳动者，20000.00元');
    expect(hits[0].explanation).not.toContain('0名劳动者');
  });
});

describe('the thresholds the issue names', () => {
  const byId = new Map(DEFAULT_RULE_SET.rules.map((r) => [r.id, r]));
  const cases: [string, string, unknown, string][] = [
    ['WA-CRIME-THRESHOLD', 'wageCrimeByComplaints', true, 'RED'],
    ['WA-CRIME-THRESHOLD-CASE', 'wageCrimeInspectionCases365d', 1, 'RED'],
    ['WA-CRIME-THRESHOLD-FINDING', 'wageCrimeViolations365d', 1, 'RED'],
    ['WA-CRIME-ORDER-DUE', 'wageCrimeViolationsOrderRunning365d', 1, 'ORANGE'],
    ['WA-CRIME-CASE-ORDER-DUE', 'wageCrimeInspectionCasesOrderRunning365d', 1, 'ORANGE'],
    ['WA-CRIME-CASE-NO-ORDER', 'wageCrimeInspectionCasesNoOrder365d', 1, 'YELLOW'],
    ['WA-COMPLAINTS-30D', 'wageComplaints30d', 3, 'ORANGE'],
    ['WA-PAYROLL-MISSED', 'payrollMissedPayments30d', 1, 'ORANGE'],
    ['WA-SOCIAL-INSURANCE-ARREARS', 'socialInsuranceArrearsMonths', 3, 'YELLOW'],
    ['MD-COMMON-CLAIM-10', 'maxCommonClaimWorkers30d', 10, 'RED'],
    ['MD-SURGE-7D', 'surgeRatio7d', 3, 'ORANGE'],
    ['MD-SURGE-7D', 'complaints7d', 5, 'ORANGE'],
    ['MD-LAYOFF-ART41', 'layoffArt41Filings90d', 1, 'ORANGE'],
    ['MD-CLOSURE-WAGE', 'closureNotices90d', 1, 'RED'],
  ];
  it.each(cases)('%s tests %s against %p at level %s', (id, fact, value, level) => {
    const r = byId.get(id)!;
    expect(r.level).toBe(level);
    expect(leaves(r)).toContainEqual(expect.objectContaining({ fact, value }));
  });
});
