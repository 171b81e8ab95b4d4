import { loadDtoValidation } from '../support/dto-metadata';

/**
 * `@ValidateNested()` alone lets `[]` (validated as an empty list) and a missing value through, and the service
 * then reads fields of an array or of undefined (500 on POST /filings/layoffs with `employer: []`). Every nested
 * DTO must also say what it is: `@IsObject()`/`@IsNotEmptyObject()` for one object, `@IsArray()` for a list.
 */
describe('nested DTOs are guarded', () => {
  it('every @ValidateNested property also declares IsObject / IsNotEmptyObject / IsArray', () => {
    const { files, byClass, ruleName: constraintName } = loadDtoValidation();
    const unguarded: string[] = [];
    let nestedCount = 0;
    for (const metas of byClass.values())
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
