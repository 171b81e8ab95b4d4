import { IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { localizeDetails } from '../errors/app-exception';
import { validationFieldError } from './validation-messages';

class Form {
  @IsInt()
  @Min(1)
  @Max(100000)
  affectedWorkers!: number;

  @IsOptional()
  @IsString()
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit street/town code' })
  street?: string;
}

function errorsOf(
  body: object,
): Record<string, { zh: string; en: string; constraint?: string; constraints?: string[] }> {
  const form = Object.assign(new Form(), body);
  const errors = validateSync(form, { validationError: { target: true, value: true } });
  return Object.fromEntries(
    errors.map((e) => {
      const f = validationFieldError(e.property, e);
      const [zh] = localizeDetails([f], 'zh-CN') as { message: string }[];
      const [en] = localizeDetails([f], 'en') as { message: string }[];
      return [
        e.property,
        { zh: zh.message, en: en.message, constraint: f.constraint, constraints: f.constraints },
      ];
    }),
  );
}

describe('field error messages', () => {
  it('a missing required field is "required" (isDefined), not the first range constraint', () => {
    expect(errorsOf({}).affectedWorkers).toEqual({
      zh: 'affectedWorkers 为必填字段，不能缺少',
      en: 'affectedWorkers is required',
      constraint: 'isDefined',
      constraints: ['isDefined', 'isInt', 'max', 'min'],
    });
  });

  it('a value of the wrong type names the type constraint first', () => {
    expect(errorsOf({ affectedWorkers: 'many' }).affectedWorkers).toMatchObject({
      zh: 'affectedWorkers 须为整数',
      en: 'affectedWorkers must be an integer',
      constraint: 'isInt',
    });
  });

  it('a range error carries the bound in both languages', () => {
    expect(errorsOf({ affectedWorkers: 100001 }).affectedWorkers).toEqual({
      zh: 'affectedWorkers 不能大于 100000',
      en: 'affectedWorkers must not be greater than 100000',
      constraint: 'max',
      constraints: ['max'],
    });
    expect(errorsOf({ affectedWorkers: 0 }).affectedWorkers.zh).toBe('affectedWorkers 不能小于 1');
  });

  it("keeps the DTO's own English message, with a generic zh-CN one", () => {
    expect(errorsOf({ affectedWorkers: 1, street: '31011500' }).street).toMatchObject({
      zh: 'street 格式不正确',
      en: 'street must be a 9-digit street/town code',
      constraint: 'matches',
    });
  });
});
