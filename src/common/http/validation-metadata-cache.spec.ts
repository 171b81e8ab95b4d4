import fc from 'fast-check';
import {
  getMetadataStorage,
  IsInt,
  IsOptional,
  IsString,
  Min,
  validateSync,
  type ValidationOptions,
} from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

const storage = getMetadataStorage();
// class-validator's own answers, taken before the memo is installed (this file has its own storage: Jest's sandbox)
const original = storage.getTargetValidationMetadatas.bind(storage);
memoizeValidationMetadata();
memoizeValidationMetadata(); // idempotent: a second call wraps nothing again

type Decorate = (options: ValidationOptions) => PropertyDecorator;
const DECORATORS: Decorate[] = [IsString, IsInt, IsOptional, (o) => Min(1, o)];

const rule = fc.record({
  property: fc.constantFrom('a', 'b', 'c', 'd'),
  decorator: fc.nat(DECORATORS.length - 1),
  groups: fc.constantFrom<string[] | undefined>(undefined, ['g1'], ['g2'], ['g1', 'g2']),
  always: fc.constantFrom<boolean | undefined>(undefined, true, false),
});
const options = fc.record({
  always: fc.boolean(),
  strictGroups: fc.boolean(),
  groups: fc.constantFrom<string[] | undefined>(undefined, [], ['g1'], ['g2'], ['g1', 'g2']),
});

type Rule = ReturnType<(typeof rule)['generate']>['value'];

function decorate(target: object, r: Rule): void {
  const opts: ValidationOptions = {};
  if (r.groups) opts.groups = r.groups;
  if (r.always !== undefined) opts.always = r.always;
  DECORATORS[r.decorator](opts)(target, r.property);
}

/** A chain of classes, each extending the one before, with the given rules on each. */
function hierarchy(levels: Rule[][]): (new () => object)[] {
  const classes: (new () => object)[] = [];
  let parent: new () => object = class Root {};
  for (const rules of levels) {
    const C = class extends parent {};
    for (const r of rules) decorate(C.prototype, r);
    classes.push(C);
    parent = C;
  }
  return classes;
}

describe('memoizeValidationMetadata', () => {
  it("gives class-validator's own answer, the first time and from memory, and again after a rule registered late", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rule, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(options, { minLength: 1, maxLength: 4 }),
        rule,
        fc.nat(),
        (levels, asked, late, at) => {
          const classes = hierarchy(levels);
          const check = (): void => {
            for (const C of classes)
              for (const o of asked) {
                const expected = original(C, '', o.always, o.strictGroups, o.groups);
                expect(
                  storage.getTargetValidationMetadatas(C, '', o.always, o.strictGroups, o.groups),
                ).toEqual(expected);
                expect(
                  storage.getTargetValidationMetadatas(C, '', o.always, o.strictGroups, o.groups),
                ).toEqual(expected);
              }
          };
          check();
          decorate(classes[at % classes.length].prototype, late); // after the answers were kept
          check();
        },
      ),
    );
  });

  it('keeps frozen answers, grouped once, and validation works through them', () => {
    class Query {
      @IsString() name!: string;
      @IsOptional() @IsInt() @Min(1) limit?: number;
    }
    const rules = storage.getTargetValidationMetadatas(Query, '', false, false);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(() => (rules as unknown[]).push(1)).toThrow(TypeError);
    const grouped = storage.groupByPropertyName(rules);
    expect(storage.groupByPropertyName(rules)).toBe(grouped);
    expect(Object.keys(grouped).sort()).toEqual(['limit', 'name']);

    const bad = Object.assign(new Query(), { name: 3, limit: 0, extra: true });
    const errors = validateSync(bad, { whitelist: true, forbidNonWhitelisted: true });
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()])).toEqual([
      ['extra', ['whitelistValidation']],
      ['name', ['isString']],
      ['limit', ['min']],
    ]);
    expect(validateSync(Object.assign(new Query(), { name: 'x' }))).toEqual([]);
  });
});
