import { MEDIATION_QUICK_DAYS } from './kpi.rules';

/**
 * The SQL that turns source rows into KPI facts and facts into monthly cell contributions. The incremental
 * path (one case) and the nightly recompute (every case) run the very same text, so they can only disagree
 * when the incremental bookkeeping itself is wrong — which is what the nightly comparison is there to catch.
 *
 * Reporting reads the proceedings' tables directly (read-only, set-based): the KPI module is a read model of
 * arbitration, mediation and inspection, and a per-row service call would not scale to a district's history.
 */

/** Organisation id used when a case's handling body cannot be found (never expected in practice). */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

export const FACT_COLUMNS =
  'case_type, case_id, street_code, organisation_id, started_on, due_on, closed_on, agreement';

/** Accepted (受理) arbitration cases; the body is the arbitration commission serving the street. */
function arbitrationFacts(where: string): string {
  return `SELECT 'ARBITRATION'::varchar AS case_type, a.id AS case_id, a.jurisdiction_code AS street_code,
       COALESCE(os.id, od.id, '${NO_ORGANISATION}'::uuid) AS organisation_id,
       a.accepted_on AS started_on, NULL::date AS due_on, a.closed_on AS closed_on, false AS agreement
  FROM arbitration_cases a
  LEFT JOIN organisations os ON os.kind = 'ARBITRATION_COMMISSION' AND os.jurisdiction_code = a.jurisdiction_code
  LEFT JOIN organisations od ON od.kind = 'ARBITRATION_COMMISSION' AND od.jurisdiction_code = left(a.jurisdiction_code, 6)
 WHERE a.accepted_on IS NOT NULL ${where ? `AND a.id = ${where}` : ''}`;
}

/** Mediations: concluded when no longer OPEN (agreement, failure, withdrawal or expiry of the 15 days). */
function mediationFacts(where: string): string {
  return `SELECT 'MEDIATION'::varchar, m.id, m.street_code, m.organisation_id, m.opened_on, NULL::date,
       CASE WHEN m.status <> 'OPEN' THEN m.closed_on END, COALESCE(m.outcome = 'AGREEMENT', false)
  FROM mediation_cases m ${where ? `WHERE m.id = ${where}` : ''}`;
}

/** Inspection cases with a 立案 date and an investigation deadline (after approved extensions and pauses). */
function inspectionFacts(where: string): string {
  return `SELECT 'INSPECTION'::varchar, i.id, i.jurisdiction_code, i.organisation_id, i.accepted_on,
       i.investigation_due_on, i.closed_on, false
  FROM inspection_cases i
 WHERE i.accepted_on IS NOT NULL AND i.investigation_due_on IS NOT NULL ${where ? `AND i.id = ${where}` : ''}`;
}

export type FactCaseType = 'ARBITRATION' | 'MEDIATION' | 'INSPECTION';

/**
 * SELECT of facts in FACT_COLUMNS order: of one case (`caseParam`, e.g. '$1') or of all cases.
 */
export function factsSelect(types: readonly FactCaseType[], caseParam = ''): string {
  const parts: string[] = [];
  if (types.includes('ARBITRATION')) parts.push(arbitrationFacts(caseParam));
  if (types.includes('MEDIATION')) parts.push(mediationFacts(caseParam));
  if (types.includes('INSPECTION')) parts.push(inspectionFacts(caseParam));
  return parts.join('\nUNION ALL\n');
}

export const CELL_COUNTERS = [
  'arb_accepted',
  'arb_closed',
  'arb_handling_days',
  'ins_on_time',
  'ins_late_closed',
  'ins_open_due',
  'med_concluded',
  'med_agreements',
  'med_within_15',
  'med_handling_days',
] as const;
export type CellCounter = (typeof CELL_COUNTERS)[number];

/**
 * One kind of contribution of a fact to a cell: when it counts, the date whose month it counts in, what it adds.
 * Kinds in the same pass exclude each other (a fact matches at most one of them), so a pass reads each fact once.
 */
interface Contribution {
  pass: 1 | 2;
  when: string;
  month: string;
  values: Partial<Record<CellCounter, string>>;
}

/**
 * What a fact `f` contributes to the monthly cells. Arbitration counts when accepted (pass 1) and when closed;
 * inspection: an on-time closure counts in the month it closed, a late case in the month its deadline passed
 * (due_on + 1), an open case is kept apart (ins_open_due) and counted as due at read time once overdue;
 * mediation counts when concluded.
 */
const CONTRIBUTIONS: readonly Contribution[] = [
  { pass: 1, when: `f.case_type = 'ARBITRATION'`, month: 'f.started_on', values: { arb_accepted: '1' } },
  {
    pass: 2,
    when: `f.case_type = 'ARBITRATION' AND f.closed_on IS NOT NULL`,
    month: 'f.closed_on',
    values: { arb_closed: '1', arb_handling_days: '(f.closed_on - f.started_on)' },
  },
  {
    pass: 2,
    when: `f.case_type = 'INSPECTION' AND f.closed_on <= f.due_on`,
    month: 'f.closed_on',
    values: { ins_on_time: '1' },
  },
  {
    pass: 2,
    when: `f.case_type = 'INSPECTION' AND f.closed_on > f.due_on`,
    month: '(f.due_on + 1)',
    values: { ins_late_closed: '1' },
  },
  {
    pass: 2,
    when: `f.case_type = 'INSPECTION' AND f.closed_on IS NULL`,
    month: '(f.due_on + 1)',
    values: { ins_open_due: '1' },
  },
  {
    pass: 2,
    when: `f.case_type = 'MEDIATION' AND f.closed_on IS NOT NULL`,
    month: 'f.closed_on',
    values: {
      med_concluded: '1',
      med_agreements: 'f.agreement::int',
      med_within_15: `((f.closed_on - f.started_on) <= ${MEDIATION_QUICK_DAYS})::int`,
      med_handling_days: '(f.closed_on - f.started_on)',
    },
  },
];

/** One pass: a row per fact that matches one of the pass's kinds, with that kind's month and counters. */
function passSelect(from: string, kinds: readonly Contribution[]): string {
  const pick = (expr: (c: Contribution) => string | undefined, otherwise: string) => {
    const arms = kinds.flatMap((c) => (expr(c) === undefined ? [] : [`WHEN ${c.when} THEN ${expr(c)}`]));
    return arms.length ? `CASE ${arms.join(' ')} ELSE ${otherwise} END` : otherwise;
  };
  const counters = CELL_COUNTERS.map((k) => `${pick((c) => c.values[k], '0')} AS ${k}`).join(', ');
  return `SELECT f.street_code, f.organisation_id,
       date_trunc('month', (${pick((c) => c.month, 'NULL')})::timestamp)::date AS month_start, ${counters}
  FROM ${from} f WHERE ${kinds.map((c) => `(${c.when})`).join(' OR ')}`;
}

/**
 * Contributions of the facts in relation `from` (a table or a parenthesised subquery) to the monthly cells:
 * (street_code, organisation_id, month_start, the ten counters). Two passes over `from` (arbitration
 * acceptances; every other kind), where one branch per kind read every fact six times.
 */
export function contributionsSelect(from: string): string {
  return ([1, 2] as const)
    .map((pass) =>
      passSelect(
        from,
        CONTRIBUTIONS.filter((c) => c.pass === pass),
      ),
    )
    .join('\nUNION ALL\n');
}

/**
 * Cells (street, organisation, month, counters) summed from the contributions of `from`, times `sign`. Unordered:
 * writers that upsert them order the rows themselves (concurrent upserts lock cells in key order and do not
 * deadlock); sorting the 3 M cells of the national history by key was a third of the nightly recompute.
 */
export function cellsSelect(from: string, sign = 1): string {
  const sums = CELL_COUNTERS.map((c) => `(${sign} * sum(${c}))::int AS ${c}`).join(', ');
  return `SELECT street_code, organisation_id, to_char(month_start, 'YYYY-MM') AS month, ${sums}
  FROM (${contributionsSelect(from)}) c GROUP BY street_code, organisation_id, month_start`;
}

export const HANDLING_KEY = 'case_type, street_code, organisation_id, year, days';

/**
 * Handling-day histogram buckets (HANDLING_KEY, cases) of the closed facts in relation `from`, times `sign`;
 * unordered, like cellsSelect.
 */
export function handlingSelect(from: string, sign = 1): string {
  return `SELECT case_type, street_code, organisation_id, date_part('year', closed_on)::int AS year,
       (closed_on - started_on) AS days, (${sign} * count(*))::int AS cases
  FROM ${from} f WHERE f.closed_on IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5`;
}
