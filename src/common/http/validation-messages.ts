import { getMetadataStorage, type ValidationError } from 'class-validator';
import { localizedFieldError, type FieldError } from '../errors/app-exception';

/**
 * zh-CN and English messages per class-validator constraint; `{0}`, `{1}` are the constraint's arguments
 * (`@Max(100000)` → 100000). A constraint not listed keeps class-validator's English message and a generic zh-CN one.
 */
const TEMPLATES: Record<string, readonly [zh: string, en: string]> = {
  isDefined: ['为必填字段，不能缺少', 'is required'],
  whitelistValidation: ['不是允许的字段', 'is not an allowed field'],
  unknownValue: ['须为对象', 'must be an object'],
  nestedValidation: ['须为对象或对象数组', 'must be an object or an array of objects'],
  isNotEmptyObject: ['不能为空对象', 'must not be an empty object'],
  isNotEmpty: ['不能为空', 'must not be empty'],
  isString: ['须为字符串', 'must be a string'],
  isInt: ['须为整数', 'must be an integer'],
  isNumber: ['须为数字', 'must be a number'],
  isBoolean: ['须为布尔值（true 或 false）', 'must be a boolean (true or false)'],
  isArray: ['须为数组', 'must be an array'],
  isObject: ['须为对象', 'must be an object'],
  isUuid: ['须为 UUID', 'must be a UUID'],
  isLocalDate: ['须为有效日期（YYYY-MM-DD）', 'must be a real date YYYY-MM-DD'],
  isIso8601: ['须为 ISO 8601 格式的时间', 'must be an ISO 8601 date-time'],
  isDateTime: [
    '须为 RFC 3339 格式的时间，如 2026-12-01T00:00:00+08:00',
    'must be an RFC 3339 date-time, e.g. 2026-12-01T00:00:00+08:00',
  ],
  isIn: ['须为以下值之一：{0}', 'must be one of: {0}'],
  isEnum: ['须为以下值之一：{1}', 'must be one of: {1}'],
  isChineseIdNumber: [
    '须为 18 位居民身份证号码且校验位正确',
    'must be an 18-character resident ID number with a valid check digit',
  ],
  isUscc: [
    '须为 18 位统一社会信用代码且校验位正确',
    'must be an 18-character unified social credit code with a valid check character',
  ],
  isMainlandMobile: ['须为 11 位大陆手机号码（不含国家代码）', 'must be an 11-digit mainland mobile number'],
  isUrl: ['须为有效的 URL', 'must be a URL'],
  matches: ['格式不正确', 'has the wrong format'],
  min: ['不能小于 {0}', 'must not be less than {0}'],
  owesSomething: [
    '拖欠工资、加班费须写明所欠金额（至少 1 分）',
    'must be at least 1 fen for WAGE_ARREARS and OVERTIME_PAY',
  ],
  max: ['不能大于 {0}', 'must not be greater than {0}'],
  minLength: ['长度不能少于 {0} 个字符', 'must be at least {0} characters long'],
  maxLength: ['长度不能超过 {0} 个字符', 'must be at most {0} characters long'],
  length: ['长度须在 {0} 至 {1} 个字符之间', 'must be {0} to {1} characters long'],
  arrayMinSize: ['至少须有 {0} 项', 'must have at least {0} items'],
  arrayMaxSize: ['最多只能有 {0} 项', 'must have at most {0} items'],
  arrayUnique: ['各项不能重复', 'must not contain duplicates'],
  arrayNotEmpty: ['不能为空数组', 'must not be empty'],
};

/**
 * Which failed constraint a field's message names: the value's presence, then its type, then its format, then its
 * range. A string sent where an integer belongs is "must be an integer", not "must not be greater than 100000".
 */
const PRIORITY = [
  'whitelistValidation',
  'unknownValue',
  'isDefined',
  'nestedValidation',
  'isNotEmptyObject',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isUuid',
  'isLocalDate',
  'isIso8601',
  'isDateTime',
  'isIn',
  'isEnum',
];

function rank(constraint: string): number {
  const i = PRIORITY.indexOf(constraint);
  return i === -1 ? PRIORITY.length : i;
}

/**
 * The metadata of `constraint` on the error's property, from class-validator's storage: its arguments (`[100000]`
 * for `@Max(100000)`) and whether the DTO gave its own message.
 */
function constraintMeta(
  error: ValidationError,
  constraint: string,
): { args: unknown[]; custom: boolean; zh: string | undefined } {
  const target = error.target?.constructor;
  const meta = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint)
    : undefined;
  const context = meta?.context as { zh?: unknown } | undefined;
  return {
    args: (meta?.constraints as unknown[] | undefined) ?? [],
    custom: meta?.message !== undefined,
    zh: typeof context?.zh === 'string' ? context.zh : undefined,
  };
}

function fill(template: string, args: unknown[]): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => {
    const a = args[Number(i)];
    return Array.isArray(a) ? a.join(', ') : String(a);
  });
}

/**
 * One entry for a field that failed validation: the constraint that matters (a missing value is `isDefined`,
 * "is required"), its message in both languages (the DTO's own when it gives `message` and `context.zh`), and every
 * constraint that failed.
 */
export function validationFieldError(field: string, error: ValidationError): FieldError {
  const failed = Object.keys(error.constraints ?? {}).sort((a, b) => rank(a) - rank(b));
  const missing =
    (error.value === undefined || error.value === null) && !failed.includes('whitelistValidation');
  const constraint = missing ? 'isDefined' : failed[0];
  const constraints = missing ? ['isDefined', ...failed.filter((c) => c !== 'isDefined')] : failed;
  const template = TEMPLATES[constraint];
  const { args, custom, zh: own } = constraintMeta(error, constraint);
  const given = error.constraints?.[constraint];
  // A DTO may say more in zh-CN too (`context: { zh }`), e.g. where to find what the field takes.
  const zh = `${field} ${own ?? (template ? fill(template[0], args) : '取值无效')}`;
  // A DTO's own (English) message says more than the generic one.
  const en =
    given && (custom || !template) ? given : `${field} ${template ? fill(template[1], args) : 'is invalid'}`;
  return localizedFieldError({ field, constraint, constraints }, zh, en);
}

/**
 * A field error for one of the constraints above found by a validator other than class-validator (the risk rule
 * set's JSON schema), with the constraint's arguments: the same names and messages as the validation pipe's. A
 * constraint the table does not name says `en` (its validator's own English) and a generic zh-CN message.
 */
export function constraintFieldError(
  field: string,
  constraint: string,
  args: unknown[] = [],
  en = 'is invalid',
): FieldError {
  const template = TEMPLATES[constraint];
  return localizedFieldError(
    { field, constraint, constraints: [constraint] },
    `${field} ${template ? fill(template[0], args) : '取值无效'}`,
    `${field} ${template ? fill(template[1], args) : en}`,
  );
}
