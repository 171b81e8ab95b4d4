import { DEFAULT_RULE_SET } from './risk.rules';
import { validateRuleSet } from './rule-set.schema';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'X-1',
  kind: 'WAGE_ARREARS',
  level: 'ORANGE',
  conditions: { all: [{ fact: 'wageComplaints30d', operator: 'greaterThanInclusive', value: 3 }] },
  basis: '平台规则',
  explanation: '{{wageComplaints30d}} complaints',
  ...over,
});

describe('rule-set schema (built from the FEATURES catalogue)', () => {
  it('accepts the built-in rule set', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });

  it('reports an unknown fact with its path', () => {
    const errors = validateRuleSet({
      rules: [rule({ conditions: { all: [{ fact: 'noSuchFeature', operator: 'equal', value: 1 }] } })],
    });
    expect(errors).toEqual([expect.objectContaining({ path: '/rules/0/conditions/all/0/fact' })]);
  });

  it('reports an unknown operator and an unknown level, each with its path', () => {
    const errors = validateRuleSet({
      rules: [
        rule(),
        rule({
          id: 'X-2',
          level: 'PURPLE',
          conditions: { any: [{ all: [{ fact: 'complaints7d', operator: 'isBig', value: 1 }] }] },
        }),
      ],
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      '/rules/1/conditions/any/0/all/0/operator',
      '/rules/1/level',
    ]);
  });

  it('reports a fact reference to a missing feature, duplicate ids and a missing basis', () => {
    expect(
      validateRuleSet({
        rules: [
          rule({
            conditions: { all: [{ fact: 'complaints7d', operator: 'greaterThan', value: { fact: 'nope' } }] },
          }),
        ],
      }).map((e) => e.path),
    ).toEqual(['/rules/0/conditions/all/0/value/fact']);
    expect(validateRuleSet({ rules: [rule(), rule()] })).toEqual([
      { path: '/rules/1/id', message: 'duplicate rule id X-1' },
    ]);
    const { basis: _b, ...noBasis } = rule();
    expect(validateRuleSet({ rules: [noBasis] })).toEqual([expect.objectContaining({ path: '/rules/0' })]);
  });

  it('refuses an explanation citing a fact the rule neither tests nor lists as evidence (issue 18)', () => {
    // The defect: the crime rule tested one flag and quoted the complaints' window, "0名劳动者，累计0.00元".
    const quoting = rule({
      conditions: { all: [{ fact: 'wageCrimeThresholdMet', operator: 'equal', value: true }] },
      explanation: '{{wageWorkers90d}}名劳动者，累计{{claimedArrearsFen90d|yuan}}',
    });
    expect(validateRuleSet({ rules: [quoting] })).toEqual([
      expect.objectContaining({
        path: '/rules/0/explanation',
        message: expect.stringContaining('wageWorkers90d'),
      }),
      expect.objectContaining({
        path: '/rules/0/explanation',
        message: expect.stringContaining('claimedArrearsFen90d'),
      }),
    ]);
    expect(
      validateRuleSet({ rules: [{ ...quoting, evidence: ['wageWorkers90d', 'claimedArrearsFen90d'] }] }),
    ).toEqual([]);
  });

  it('refuses something that is not a rule set', () => {
    expect(validateRuleSet([1, 2]).length).toBeGreaterThan(0);
    expect(validateRuleSet({ rules: [] })).toEqual([expect.objectContaining({ path: '/rules' })]);
  });
});
