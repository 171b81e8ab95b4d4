import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { loadDtoValidation } from '../support/dto-metadata';

// class-transformer's metadata (the `@Transform`s) is not exported from its index; its storage module has no typings.
const { defaultMetadataStorage } = jest.requireActual<{ defaultMetadataStorage: TransformerStorage }>(
  'class-transformer/cjs/storage',
);

/** Exceptions: `Class.property` whose @MinLength may count surrounding whitespace, each with its reason. */
const ALLOWED: Record<string, string> = {
  'LoginDto.password': 'a password is taken as typed: a space is a character the user chose',
  'ChangePasswordDto.currentPassword': 'a password is taken as typed',
  'ChangePasswordDto.newPassword': 'a password is taken as typed',
  'LoginDto.username': 'a credential, taken as typed: a blank one matches no account (401)',
  'RefreshDto.refreshToken': 'an opaque token, taken as sent: a blank one matches no session (401)',
};

/**
 * `@MinLength(n)` on an untrimmed string lets a blank value through (`room: "   "` went into the parties' SMS as
 * "地点：   "). Every DTO string property with a minimum length must also trim it before validation: a
 * `@Transform` that turns `"  ab  "` into a value without the surrounding blanks (trim, upperTrim, ...).
 */
describe('DTO text with a minimum length is trimmed', () => {
  it('every @MinLength property has a trimming @Transform (or an allow-listed reason)', () => {
    const { byClass, ruleName: constraintName } = loadDtoValidation();
    const trims = (target: object, key: string): boolean =>
      defaultMetadataStorage
        .findTransformMetadatas(target as never, key, TransformationType.PLAIN_TO_CLASS)
        .some((t) => {
          const out: unknown = t.transformFn({
            value: '  ab  ',
            key,
            obj: { [key]: '  ab  ' },
            type: TransformationType.PLAIN_TO_CLASS,
            options: {},
          });
          return typeof out === 'string' && out.toLowerCase() === 'ab';
        });
    const untrimmed = new Set<string>();
    const seen = new Set<string>();
    let checked = 0;
    for (const metas of byClass.values())
      for (const m of metas.filter(
        (x) => x.type === 'customValidation' && constraintName(x) === 'minLength',
      )) {
        checked++;
        const id = `${(m.target as { name: string }).name}.${m.propertyName}`;
        seen.add(id);
        if (!(id in ALLOWED) && !trims(m.target, m.propertyName)) untrimmed.add(id);
      }
    expect(checked).toBeGreaterThan(20);
    expect([...untrimmed].sort()).toEqual([]);
    // An exception for a property that no longer has a @MinLength is stale: remove it.
    expect(Object.keys(ALLOWED).filter((id) => !seen.has(id))).toEqual([]);
  });
});
