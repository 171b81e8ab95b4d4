import { DUPLICATE_WINDOW_DAYS } from './complaint.state';
import type { Complaint } from './entities/complaint.entity';

/**
 * What makes an earlier complaint a possible duplicate of a complaint (complaint.state.ts `DUPLICATE_WINDOW_DAYS`):
 * the same employer and category, the same complainant (account, or ID number by its blind index), received within
 * `days` days, neither refused nor withdrawn. Intake probes inside its INSERT, a 补正 naming the employer inside its
 * UPDATE (complaints.repository.ts): one text of the probe for both.
 */
export interface DuplicateProbe {
  complainantUserId: string | null;
  /** blind index of the complainant's ID number */
  idNumberBidx: string | null;
  days: number;
}

/**
 * The probe for a complaint's complainant: their account — unless filed on someone's behalf, where the account is the
 * filer's, not the complainant's — and their ID number's blind index.
 */
export function complainantProbe(
  c: Pick<Complaint, 'complainantUserId' | 'onBehalfRelationship' | 'complainantIdNumberBidx'>,
): DuplicateProbe {
  return {
    complainantUserId: c.onBehalfRelationship ? null : c.complainantUserId,
    idNumberBidx: c.complainantIdNumberBidx,
    days: DUPLICATE_WINDOW_DAYS,
  };
}

/** The complaint probed for: itself (never its own duplicate), the employer and category, the day it is received. */
export interface ProbedComplaint {
  id: string;
  employerId: string;
  category: string;
  receivedOn: string;
}

/**
 * The earliest possible duplicate's id, as a scalar subquery whose seven parameters are `$first`…`$first + 6`, in
 * the order of `duplicateProbeParams`. Looked up by the complainant: by account, and by the ID number's blind index,
 * each the earliest of its own index (a person files few complaints), then the earlier of the two. Looked up by the
 * employer instead, every intake of a mass dispute would read all of the employer's complaints in the window.
 */
export function duplicateProbe(first: number): string {
  const p = (i: number) => `$${first + i}`;
  const by = (complainant: string) => `(SELECT d.id, d.created_at FROM complaints d
       WHERE ${complainant} AND d.kind = 'COMPLAINT' AND d.id <> ${p(0)} AND d.employer_id = ${p(1)}
         AND d.category = ${p(2)}
         AND d.received_on BETWEEN ${p(5)}::date - ${p(6)}::int AND ${p(5)}::date
         AND d.status NOT IN ('REJECTED', 'WITHDRAWN')
       ORDER BY d.created_at LIMIT 1)`;
  return `(SELECT x.id FROM (${by(`d.complainant_user_id = ${p(3)}`)}
       UNION ALL ${by(`d.complainant_id_number_bidx = ${p(4)}`)}) x
       ORDER BY x.created_at LIMIT 1)`;
}

/** The values of `duplicateProbe`'s parameters. */
export function duplicateProbeParams(c: ProbedComplaint, probe: DuplicateProbe): unknown[] {
  return [
    c.id,
    c.employerId,
    c.category,
    probe.complainantUserId,
    probe.idNumberBidx,
    c.receivedOn,
    probe.days,
  ];
}
