import { DEFAULT_RULE_SET } from './risk.rules';
import { localizeDetails } from '../common/errors/app-exception';
import { type RuleSetError, validateRuleSet } from './rule-set.schema';

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
      {
        path: '/rules/1/id',
        field: 'rules.1.id',
        constraint: 'uniqueRuleId',
        constraints: ['uniqueRuleId'],
        message: 'rules.1.id duplicates rule id X-1',
      },
    ]);
    const { basis: _b, ...noBasis } = rule();
    expect(validateRuleSet({ rules: [noBasis] })).toEqual([
      expect.objectContaining({ path: '/rules/0/basis', field: 'rules.0.basis', constraint: 'isDefined' }),
    ]);
    // Beside another error of the same rule, and beside errors of its conditions: each reported at once.
    expect(
      validateRuleSet({
        rules: [
          {
            ...noBasis,
            level: 'PURPLE',
            conditions: { all: [{ fact: 'noSuchFeature', operator: 'equal', value: 1 }] },
          },
        ],
      })
        .map((e) => `${e.field} ${e.constraint}`)
        .sort(),
    ).toEqual(['rules.0.basis isDefined', 'rules.0.conditions.all.0.fact isIn', 'rules.0.level isIn']);
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
    expect(validateRuleSet([1, 2])).toEqual([
      expect.objectContaining({ path: '/', field: 'body', constraint: 'isObject' }),
    ]);
    expect(validateRuleSet({ rules: [] })).toEqual([
      expect.objectContaining({ path: '/rules', field: 'rules', constraint: 'arrayMinSize' }),
    ]);
  });

  it('reports each error as the validation pipe reports a field, in both languages (docs/errors.md)', () => {
    const errors = validateRuleSet({
      rules: [rule({ id: 'lower', level: 'PURPLE', basis: 'x', extra: 1 })],
      note: 7,
    });
    expect(errors.map(({ field, constraint }) => ({ field, constraint }))).toEqual(
      expect.arrayContaining([
        { field: 'rules.0.id', constraint: 'matches' },
        { field: 'rules.0.level', constraint: 'isIn' },
        { field: 'rules.0.basis', constraint: 'minLength' },
        { field: 'rules.0.extra', constraint: 'whitelistValidation' },
        { field: 'note', constraint: 'isString' },
      ]),
    );
    expect(errors).toHaveLength(5);
    const zh = localizeDetails(errors, 'zh-CN') as RuleSetError[];
    expect(zh.find((e) => e.field === 'rules.0.level')?.message).toBe(
      'rules.0.level 须为以下值之一：BLUE, YELLOW, ORANGE, RED',
    );
    expect(zh.find((e) => e.field === 'rules.0.basis')?.message).toBe('rules.0.basis 长度不能少于 2 个字符');
    expect(errors.find((e) => e.field === 'rules.0.extra')?.message).toBe(
      'rules.0.extra is not an allowed field',
    );
  });
});
