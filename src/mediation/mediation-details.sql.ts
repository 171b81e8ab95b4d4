import { CASE_PARTIES_JSON } from '../complaints/case-parties';

// An agreement's instalments as a JSON array, in order, through the (agreement_id, seq) index.
const INSTALMENTS = `(SELECT COALESCE(json_agg(json_build_object('id', i.id, 'seq', i.seq, 'dueOn', i.due_on,
  'amountFen', i.amount_fen, 'paidOn', i.paid_on, 'status', i.status) ORDER BY i.seq), '[]')
  FROM mediation_instalments i WHERE i.agreement_id = a.id)`;

// A case's sessions and its agreement with its instalments, as JSON in the case's row (CaseDetails' fields), by
// the expression of the case's id: a list page and a case file read them in their own statement (issue 17; they
// were a statement of their own, before that two), through the sessions' (case_id, starts_at) and the agreements'
// case_id indexes. The timestamps are written as Date.toISOString writes them (the platform stores milliseconds,
// from a Date).
export const sessionsOf = (caseId: string) => `(SELECT COALESCE(json_agg(json_build_object('id', s.id,
    'startsAt', to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'place', s.place,
    'onlineLink', s.online_link, 'notes', s.notes,
    'cancelledAt', to_char(s.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    ORDER BY s.starts_at, s.id), '[]')
    FROM mediation_sessions s WHERE s.case_id = ${caseId})`;
export const agreementOf = (
  caseId: string,
) => `(SELECT json_build_object('status', a.status, 'claims', a.claims,
    'totalFen', a.total_fen, 'signedOn', a.signed_on, 'instalments', ${INSTALMENTS})
    FROM mediation_agreements a WHERE a.case_id = ${caseId})`;
// The case's employer and its complaint's complainant (CasePartiesRow), read with the case by their primary keys
// through the views their owners publish for it (docs/read-contracts.md): no statement of their own.
export const partiesOf = (table: string) => `(SELECT ${CASE_PARTIES_JSON}
    FROM complaint_party_source c JOIN employer_party_source e ON e.id = ${table}.employer_id
    WHERE c.id = ${table}.complaint_id)`;
// All three, of the case row of `table` (an alias, or the table's name in a read without one: findRowsWith).
const detailsOf = (table: string) =>
  `${sessionsOf(`${table}.id`)} AS "sessions", ${agreementOf(`${table}.id`)} AS "agreement", ${partiesOf(table)} AS "parties"`;
export const DETAILS = detailsOf('m');
export const DETAILS_OF_ROW = detailsOf('mediation_cases');
