import Ajv, { type ErrorObject } from 'ajv';
import { factsOf, placeholdersOf } from './risk.evaluator';
import { FEATURES } from './risk.features';
import { RISK_KINDS, RISK_LEVELS, type RiskRuleSet } from './risk.rules';

/** json-rules-engine's built-in operators. */
export const RULE_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const factNames = FEATURES.map((x) => x.name);

/** The JSON schema of a rule set, built from the FEATURES catalogue (allowed facts), the operators and levels. */
export const RULE_SET_SCHEMA = {
  $id: 'risk-rule-set',
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    note: { type: 'string', maxLength: 500 },
    rules: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'level', 'conditions', 'basis', 'explanation'],
        properties: {
          id: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{1,47}$' },
          kind: { enum: [...RISK_KINDS] },
          level: { enum: [...RISK_LEVELS] },
          conditions: { $ref: '#/$defs/top' },
          basis: { type: 'string', minLength: 2, maxLength: 500 },
          explanation: { type: 'string', minLength: 2, maxLength: 1000 },
          evidence: { type: 'array', maxItems: 10, items: { enum: factNames } },
        },
      },
    },
  },
  $defs: {
    top: {
      type: 'object',
      oneOf: [{ $ref: '#/$defs/all' }, { $ref: '#/$defs/any' }, { $ref: '#/$defs/not' }],
    },
    node: {
      type: 'object',
      oneOf: [
        { $ref: '#/$defs/all' },
        { $ref: '#/$defs/any' },
        { $ref: '#/$defs/not' },
        { $ref: '#/$defs/leaf' },
      ],
    },
    all: {
      type: 'object',
      additionalProperties: false,
      required: ['all'],
      properties: { all: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/$defs/node' } } },
    },
    any: {
      type: 'object',
      additionalProperties: false,
      required: ['any'],
      properties: { any: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/$defs/node' } } },
    },
    not: {
      type: 'object',
      additionalProperties: false,
      required: ['not'],
      properties: { not: { $ref: '#/$defs/node' } },
    },
    leaf: {
      type: 'object',
      additionalProperties: false,
      required: ['fact', 'operator', 'value'],
      properties: {
        fact: { enum: factNames },
        operator: { enum: [...RULE_OPERATORS] },
        value: {
          anyOf: [
            { type: ['number', 'boolean', 'string'] },
            { type: 'array', maxItems: 50, items: { type: ['number', 'boolean', 'string'] } },
            {
              type: 'object',
              additionalProperties: false,
              required: ['fact'],
              properties: { fact: { enum: factNames } },
            },
          ],
        },
      },
    },
  },
} as const;

export interface RuleSetError {
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateSchema = ajv.compile<RiskRuleSet>(RULE_SET_SCHEMA);

/**
 * Validates a rule set: the schema (unknown fact, operator, level or kind; malformed conditions), then rule ids
 * unique. Returns every error with its JSON pointer path (empty when valid). For a `oneOf` node the deepest
 * errors are the useful ones, so branch-mismatch noise is dropped when a deeper error exists.
 */
export function validateRuleSet(input: unknown): RuleSetError[] {
  if (!validateSchema(input)) return summarise(validateSchema.errors ?? []);
  const errors: RuleSetError[] = [];
  const seen = new Set<string>();
  input.rules.forEach((r, i) => {
    if (seen.has(r.id)) errors.push({ path: `/rules/${i}/id`, message: `duplicate rule id ${r.id}` });
    seen.add(r.id);
    // An explanation shows only facts the rule tested or lists as evidence, so it cannot cite a window or a
    // source other than the one that made it fire (issue 18) and its figures are stored with the hit.
    const shown = new Set([...factsOf(r.conditions), ...(r.evidence ?? [])]);
    for (const name of placeholdersOf(r.explanation))
      if (!shown.has(name))
        errors.push({
          path: `/rules/${i}/explanation`,
          message: `{{${name}}} is neither tested by the conditions nor listed in evidence`,
        });
  });
  return errors;
}

function summarise(raw: ErrorObject[]): RuleSetError[] {
  // Keep the errors that name a concrete problem (enum/type/required/...), not the "must match one schema" wrappers.
  const concrete = raw.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  // In a oneOf over condition shapes, a leaf's errors and "must have property all" errors both appear; keep,
  // per path prefix, the errors of the deepest instance paths.
  const deepest = concrete.filter(
    (e) => !concrete.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const relevant = deepest.filter(
    (e) =>
      !(
        (e.keyword === 'required' || e.keyword === 'additionalProperties') &&
        deepest.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== e.keyword)
      ),
  );
  const out = new Map<string, RuleSetError>();
  for (const e of relevant.length ? relevant : raw) {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    const message =
      e.keyword === 'enum'
        ? `must be one of the allowed values (${(allowed ?? []).slice(0, 12).join(', ')}${(allowed?.length ?? 0) > 12 ? ', …' : ''})`
        : e.keyword === 'additionalProperties'
          ? `unknown property ${(e.params as { additionalProperty: string }).additionalProperty}`
          : (e.message ?? 'invalid');
    const key = `${e.instancePath}|${message}`;
    if (!out.has(key)) out.set(key, { path: e.instancePath || '/', message });
  }
  return [...out.values()];
}
