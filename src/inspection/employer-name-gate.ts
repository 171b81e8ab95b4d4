import { AppException } from '../common/errors/app-exception';
import type { Employer } from '../reference/entities/employer.entity';
import type { DocumentKind } from './inspection.constants';
import { NAMES_EMPLOYER } from './inspection.documents';

/**
 * Throws 409 EMPLOYER_NAME_UNCONFIRMED when a document naming the employer (NAMES_EMPLOYER) would print a provisional
 * register name — what a complainant or reporter typed, which nobody verified. 行政处罚法 第五十九条: a decision states
 * the party's 名称. The inspectors verify it against the business licence while investigating (劳动保障监察条例 第十五条)
 * and confirm it on the register (PUT /employers/:id/name), the remedy the details name.
 */
export function assertEmployerNamed(
  kind: DocumentKind,
  employer: Pick<Employer, 'id' | 'nameConfirmed'> | null | undefined,
): void {
  if (!NAMES_EMPLOYER[kind] || !employer || employer.nameConfirmed) return;
  throw AppException.conflict('EMPLOYER_NAME_UNCONFIRMED', "The employer's name is not confirmed", {
    employerId: employer.id,
    remedies: [`PUT /api/v1/employers/${employer.id}/name`],
  });
}
