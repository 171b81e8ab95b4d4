import { fieldError, type FieldError } from '../common/errors/app-exception';
import type { LimitationRecord } from './arbitration.constants';

/**
 * Field errors of the facts an application gives for its limitation check, paths dotted as the validation pipe writes
 * them (`limitation.suspended.0.to`), one per field: every fact happened by the day of the application (`appliedOn`),
 * an interruption not before the day the worker knew (a year that has not begun is not interrupted), a suspension's
 * cause not ending before it began. The engine (`arbitrationLimitation`) counts only facts that can be true.
 */
// 调解仲裁法 第二十七条: the year runs from 知道或者应当知道 (第一款), is interrupted (第二款), suspended while a cause
//   lasts (第三款), and for wage arrears runs from the end of employment (第四款) — each a fact of the past.
export function limitationFactsErrors(f: LimitationRecord['facts'], appliedOn: string): FieldError[] {
  const errors: FieldError[] = [];
  const after = (field: string, date: string) => {
    if (date <= appliedOn) return false;
    errors.push(
      fieldError(
        `limitation.${field}`,
        'notInFuture',
        `limitation.${field} 不能晚于申请日 ${appliedOn}`,
        `limitation.${field} must not be after ${appliedOn}, the day of the application`,
      ),
    );
    return true;
  };
  after('knewOn', f.knewOn);
  if (f.employmentEndedOn) after('employmentEndedOn', f.employmentEndedOn);
  (f.interruptedOn ?? []).forEach((on, i) => {
    if (!after(`interruptedOn.${i}`, on) && on < f.knewOn)
      errors.push(
        fieldError(
          `limitation.interruptedOn.${i}`,
          'notBeforeKnewOn',
          `limitation.interruptedOn.${i} 不能早于 knewOn ${f.knewOn}（时效期间开始前无从中断）`,
          `limitation.interruptedOn.${i} must not be before knewOn ${f.knewOn}`,
        ),
      );
  });
  (f.suspended ?? []).forEach((p, i) => {
    after(`suspended.${i}.from`, p.from);
    if (!after(`suspended.${i}.to`, p.to) && p.to < p.from)
      errors.push(
        fieldError(
          `limitation.suspended.${i}.to`,
          'notBeforeFrom',
          `limitation.suspended.${i}.to 不能早于 from ${p.from}`,
          `limitation.suspended.${i}.to must not be before from ${p.from}`,
        ),
      );
  });
  return errors;
}
