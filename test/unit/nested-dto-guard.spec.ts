import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { filesUnder } from '../support/source-files';

interface Meta {
  type: string;
  target: object;
  propertyName: string;
  each?: boolean;
  name?: string;
  constraintCls?: object;
}

/**
 * `@ValidateNested()` alone lets `[]` (validated as an empty list) and a missing value through, and the service
 * then reads fields of an array or of undefined (500 on POST /filings/layoffs with `employer: []`). Every nested
 * DTO must also say what it is: `@IsObject()`/`@IsNotEmptyObject()` for one object, `@IsArray()` for a list.
 */
describe('nested DTOs are guarded', () => {
  it('every @ValidateNested property also declares IsObject / IsNotEmptyObject / IsArray', () => {
    // Every DTO under src/, loaded so that class-validator's metadata holds all of them.
    const files = filesUnder(join(__dirname, '../../src'), (p) => p.endsWith('.dto.ts'));
    for (const f of files) jest.requireActual(f);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Meta[]> };
    const constraintName = (m: Meta) =>
      m.constraintCls
        ? (getMetadataStorage().getTargetValidatorConstraints(m.constraintCls as never)[0]?.name ?? m.name)
        : m.name;
    const unguarded: string[] = [];
    let nestedCount = 0;
    for (const metas of storage.validationMetadatas.values())
      for (const m of metas.filter((x) => x.type === 'nestedValidation')) {
        nestedCount++;
        const names = metas
          .filter((x) => x.propertyName === m.propertyName && x.target === m.target)
          .map((x) => (x.type === 'customValidation' ? constraintName(x) : x.type));
        const guarded = m.each
          ? names.includes('isArray')
          : names.includes('isObject') || names.includes('isNotEmptyObject');
        if (!guarded) unguarded.push(`${(m.target as { name: string }).name}.${m.propertyName}`);
      }
    expect(files.length).toBeGreaterThan(10);
    expect(nestedCount).toBeGreaterThan(5);
    expect(unguarded).toEqual([]);
  });
});
