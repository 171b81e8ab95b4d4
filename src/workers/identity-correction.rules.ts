import { fieldError, type FieldError } from '../common/errors/app-exception';

/** What a correction changed, as the SMS and the answer name it. */
export type IdentityField = 'REAL_NAME' | 'ID_NUMBER';

/**
 * A run of digits as long as an ID number's body (15: the first-generation number; the 18-digit one holds 17):
 * a reason that holds one would keep a full ID number in clear text in the trail.
 */
const ID_NUMBER_LIKE = /\d{15}/;

/**
 * The problems of a staff correction's reason (platform rule, no statute: the trail holds no ID number in clear
 * text; the reason says what was wrong and how the worker's identity was checked, not the numbers).
 */
export function reasonProblems(reason: string): FieldError[] {
  return ID_NUMBER_LIKE.test(reason.replace(/[\s-]/g, ''))
    ? [
        fieldError(
          'reason',
          'noIdNumber',
          '更正原因中请勿填写身份证号码',
          'reason must not contain an ID number',
        ),
      ]
    : [];
}

/** Which of the recorded identity's fields a correction changes (none: 409 IDENTITY_UNCHANGED). */
export function changedFields(
  recorded: { realName: string; idNumber: string },
  given: { realName: string; idNumber: string },
): IdentityField[] {
  const changed: IdentityField[] = [];
  if (recorded.realName !== given.realName) changed.push('REAL_NAME');
  if (recorded.idNumber !== given.idNumber) changed.push('ID_NUMBER');
  return changed;
}
