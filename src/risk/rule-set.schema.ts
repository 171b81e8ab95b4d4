import Ajv, { type ErrorObject } from 'ajv';
import { fieldError, withFacts, type FieldError } from '../common/errors/app-exception';
import { constraintFieldError } from '../common/http/validation-messages';
import { factsOf, placeholdersOf } from './risk.evaluator';
import { FEATURES } from './risk.features';
import { RISK_KINDS, RISK_LEVELS, type RiskRuleSet } from './risk.rules';

/** json-rules-engine's built-in operators. */
/** The largest version a rule set can have: `risk_rule_sets.version` is a PostgreSQL integer. */
export const RULE_SET_VERSION_MAX = 2_147_483_647;

/** Pure: whether a number can be a rule set's version (1 … the integer column's largest). */
export function isRuleSetVersion(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= RULE_SET_VERSION_MAX;
}

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

/**
 * A rule-set error as the validation pipe reports a field (`{ field, message, constraint, constraints }`, the message
 * in the request's language: docs/errors.md), with its JSON pointer `path` as well.
 */
export type RuleSetError = FieldError & { path: string };

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateSchema = ajv.compile<RiskRuleSet>(RULE_SET_SCHEMA);

/**
 * Validates a rule set: the schema (unknown fact, operator, level or kind; malformed conditions), then rule ids
 * unique. Returns every error with its field and JSON pointer path (empty when valid). In the condition tree, a
 * `oneOf` over node shapes, the deepest errors are the useful ones, so branch-mismatch noise is dropped when a deeper
 * error exists (`summarise`).
 */
export function validateRuleSet(input: unknown): RuleSetError[] {
  if (!validateSchema(input)) return summarise(validateSchema.errors ?? []);
  const errors: RuleSetError[] = [];
  const seen = new Set<string>();
  input.rules.forEach((r, i) => {
    const id = `rules.${i}.id`;
    if (seen.has(r.id))
      errors.push(
        ruleError(
          `/rules/${i}/id`,
          fieldError(
            id,
            'uniqueRuleId',
            `${id} 与前面的规则编号 ${r.id} 重复`,
            `${id} duplicates rule id ${r.id}`,
          ),
        ),
      );
    seen.add(r.id);
    // An explanation shows only facts the rule tested or lists as evidence, so it cannot cite a window or a
    // source other than the one that made it fire (issue 18) and its figures are stored with the hit.
    const shown = new Set([...factsOf(r.conditions), ...(r.evidence ?? [])]);
    const explanation = `rules.${i}.explanation`;
    for (const name of placeholdersOf(r.explanation))
      if (!shown.has(name))
        errors.push(
          ruleError(
            `/rules/${i}/explanation`,
            fieldError(
              explanation,
              'explanationFact',
              `${explanation} 引用的 {{${name}}} 既不是条件检验的事实，也未列入 evidence`,
              `${explanation}: {{${name}}} is neither tested by the conditions nor listed in evidence`,
            ),
          ),
        );
  });
  return errors;
}

/** The error with its JSON pointer, its messages still in both languages. */
const ruleError = (path: string, error: FieldError): RuleSetError => withFacts(error, { path });

/** A JSON pointer as a field name: `/rules/0/level` → `rules.0.level` (the validation pipe's form); the root `body`. */
function fieldOf(pointer: string): string {
  if (pointer === '') return 'body';
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** ajv's keywords as the validation pipe's constraints (validation-messages.ts), by the type for `type`. */
const TYPE_CONSTRAINTS: Record<string, string> = {
  string: 'isString',
  number: 'isNumber',
  integer: 'isInt',
  boolean: 'isBoolean',
  array: 'isArray',
  object: 'isObject',
};
const LIMIT_CONSTRAINTS: Record<string, string> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  minItems: 'arrayMinSize',
  maxItems: 'arrayMaxSize',
};

/** One ajv error as a field error: a missing or unknown property is named as the field itself. */
function asFieldError(e: ErrorObject): RuleSetError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
    const name = String(e.keyword === 'required' ? params.missingProperty : params.additionalProperty);
    const path = `${e.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const constraint = e.keyword === 'required' ? 'isDefined' : 'whitelistValidation';
    return ruleError(path, constraintFieldError(fieldOf(path), constraint));
  }
  const [constraint, args] = constraintOf(e.keyword, params);
  const error = constraintFieldError(fieldOf(e.instancePath), constraint, args, e.message);
  return ruleError(e.instancePath || '/', error);
}

/** The pipe's constraint for an ajv keyword, and its arguments; an unmapped keyword keeps its own name. */
function constraintOf(keyword: string, params: Record<string, unknown>): [string, unknown[]] {
  if (keyword === 'enum') return ['isIn', [shortList(params.allowedValues as unknown[])]];
  if (keyword === 'pattern') return ['matches', []];
  if (keyword === 'type' && typeof params.type === 'string' && TYPE_CONSTRAINTS[params.type])
    return [TYPE_CONSTRAINTS[params.type], []];
  if (LIMIT_CONSTRAINTS[keyword]) return [LIMIT_CONSTRAINTS[keyword], [params.limit]];
  return [keyword, []];
}

/** At most twelve allowed values, then an ellipsis (the facts are many). */
function shortList(values: unknown[] = []): string {
  return `${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}`;
}

/** Where a rule's condition tree is, in a JSON pointer. */
const CONDITIONS = /^\/rules\/\d+\/conditions(\/|$)/;

function summarise(raw: ErrorObject[]): RuleSetError[] {
  // A rule's conditions are a oneOf over node shapes, and ajv reports every shape a node failed: their errors are
  // sifted below. Every other error is about the rule set or a rule itself and is kept: a missing basis is reported
  // beside a wrong level of the same rule.
  const inTree = (e: ErrorObject) => CONDITIONS.test(e.instancePath);
  const own = raw.filter((e) => !inTree(e));
  const tree = raw.filter(inTree);
  // Keep the errors that name a concrete problem (enum/type/required/...), not the "must match one schema" wrappers.
  const concrete = tree.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
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
  for (const e of [...own, ...(relevant.length ? relevant : tree)]) {
    const error = asFieldError(e);
    const key = `${error.field}|${error.constraint}`;
    if (!out.has(key)) out.set(key, error);
  }
  return [...out.values()];
}
