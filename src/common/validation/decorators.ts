/**
 * class-validator decorators for the Chinese identifier validators.
 *
 * They validate the canonical form only (no trimming or case folding); normalise
 * input beforehand, e.g. with a class-transformer `@Transform` calling the matching
 * `normalise*` function. Non-string values are rejected.
 */
import { Transform } from 'class-transformer';
import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isValidIsoDate } from '../../calendar/local-date';
import { isDateTime } from './date-time';
import { isValidChineseIdNumber } from './id-number';
import { isMainlandMobile } from './phone';
import { isValidUscc } from './uscc';

export const IS_CHINESE_ID_NUMBER = 'isChineseIdNumber';
export const IS_USCC = 'isUscc';
export const IS_MAINLAND_MOBILE = 'isMainlandMobile';
export const IS_LOCAL_DATE = 'isLocalDate';
export const IS_DATE_TIME = 'isDateTime';

/** Builds a string-only property decorator from a pure predicate and a default message. */
function stringRule(
  name: string,
  predicate: (value: string) => boolean,
  message: string,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && predicate(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property ${message}`, validationOptions),
      },
    },
    validationOptions,
  );
}

/** GB 11643-1999: 18-character resident ID number with a valid MOD 11-2 check character. */
export function IsChineseIdNumber(validationOptions?: ValidationOptions): PropertyDecorator {
  return stringRule(
    IS_CHINESE_ID_NUMBER,
    isValidChineseIdNumber,
    'must be an 18-character resident ID number with a valid GB 11643 check digit',
    validationOptions,
  );
}

/** GB 32100-2015: 18-character Unified Social Credit Code with a valid check character. */
export function IsUscc(validationOptions?: ValidationOptions): PropertyDecorator {
  return stringRule(
    IS_USCC,
    isValidUscc,
    'must be an 18-character unified social credit code with a valid GB 32100 check character',
    validationOptions,
  );
}

/** MIIT numbering plan: 11-digit mainland mobile number starting 13-19, without country code. */
export function IsMainlandMobile(validationOptions?: ValidationOptions): PropertyDecorator {
  return stringRule(
    IS_MAINLAND_MOBILE,
    isMainlandMobile,
    'must be an 11-digit mainland mobile number (1 followed by 3-9, no country code)',
    validationOptions,
  );
}

/** A real calendar date written `YYYY-MM-DD` (legal dates are Asia/Shanghai dates; 2026-02-30 is refused). */
export function IsLocalDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return stringRule(IS_LOCAL_DATE, isValidIsoDate, 'must be a date YYYY-MM-DD', validationOptions);
}

/** An RFC 3339 date-time (OpenAPI `format: date-time`): 2026-12-01T00:00:00+08:00 or …Z; not 2026-W01. */
export function IsDateTime(validationOptions?: ValidationOptions): PropertyDecorator {
  return stringRule(
    IS_DATE_TIME,
    isDateTime,
    'must be an RFC 3339 date-time, e.g. 2026-12-01T00:00:00+08:00',
    validationOptions,
  );
}

/**
 * A query-string integer: a string of digits, with an optional leading minus, becomes a number (so `-1` meets `@Min`
 * as `0` does); anything else is left as it is for the validators (`@IsInt`, `@Min`, …) to refuse with a field error.
 */
export function IntFromQuery(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
}
