import {
  INSPECTION_KPI_EXCLUDED_CLOSURES,
  INSPECTION_KPI_SOURCES,
  MEDIATION_KPI_EXCLUDED_OUTCOMES,
  MEDIATION_QUICK_DAYS,
} from './kpi.rules';

/**
 * The SQL that turns source rows into KPI facts and facts into monthly cell contributions. The incremental
 * path (one case) and the nightly recompute (every case) run the very same text, so they can only disagree
 * when the incremental bookkeeping itself is wrong — which is what the nightly comparison is there to catch.
 *
 * The sources are the views the proceedings publish for the KPIs (arbitration_kpi_source, mediation_kpi_source,
 * inspection_kpi_source, organisation_kpi_source; docs/read-contracts.md), read-only and set-based: the KPI
 * module is a read model of arbitration, mediation and inspection, and a per-row service call would not scale
 * to a district's history.
 */

/** Organisation id used when a case's handling body cannot be found (never expected in practice). */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

export const FACT_COLUMNS =
  'case_type, case_id, street_code, organisation_id, started_on, due_on, closed_on, agreement';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Accepted (受理) arbitration cases; the body is the arbitration commission serving the street. */
function arbitrationFacts(where: string): string {
  return `SELECT 'ARBITRATION'::varchar AS case_type, a.id AS case_id, a.jurisdiction_code AS street_code,
       COALESCE(os.id, od.id, '${NO_ORGANISATION}'::uuid) AS organisation_id,
       a.accepted_on AS started_on, NULL::date AS due_on, a.closed_on AS closed_on, false AS agreement
  FROM arbitration_kpi_source a
  LEFT JOIN organisation_kpi_source os ON os.kind = 'ARBITRATION_COMMISSION' AND os.jurisdiction_code = a.jurisdiction_code
  LEFT JOIN organisation_kpi_source od ON od.kind = 'ARBITRATION_COMMISSION' AND od.jurisdiction_code = left(a.jurisdiction_code, 6)
 WHERE a.accepted_on IS NOT NULL ${where ? `AND a.id = ${where}` : ''}`;
}

/**
 * Mediations: concluded when no longer OPEN (agreement, failure or expiry of the 15 days), counted from the day their
 * period started (the committee's receipt, as the statutory clock), not the day the case was opened. A withdrawn one
 * (MEDIATION_KPI_EXCLUDED_OUTCOMES) counts nowhere: its clock ENDED, nothing was concluded in time or late.
 */
function mediationFacts(where: string): string {
  return `SELECT 'MEDIATION'::varchar, m.id, m.street_code, m.organisation_id, m.period_started_on, NULL::date,
       CASE WHEN m.status <> 'OPEN' THEN m.closed_on END, COALESCE(m.outcome = 'AGREEMENT', false)
  FROM mediation_kpi_source m
 WHERE (m.outcome IS NULL OR m.outcome NOT IN (${sqlList(MEDIATION_KPI_EXCLUDED_OUTCOMES)}))
       ${where ? `AND m.id = ${where}` : ''}`;
}

/**
 * Inspection cases with a 立案 date and an investigation deadline (after approved extensions and pauses; none while
 * paused, so a paused case is left out until it resumes: not late while its period does not run), opened on a
 * complaint or a report (INSPECTION_KPI_SOURCES: planned inspections are not 举报投诉 cases), unless merged into
 * another case on or before its own deadline (inspectionKpiExcluded: the surviving case counts; one merged after its
 * deadline passed stays a miss).
 */
function inspectionFacts(where: string): string {
  return `SELECT 'INSPECTION'::varchar, i.id, i.jurisdiction_code, i.organisation_id, i.accepted_on,
       i.investigation_due_on, i.closed_on, false
  FROM inspection_kpi_source i
 WHERE i.accepted_on IS NOT NULL AND i.investigation_due_on IS NOT NULL
       AND i.source IN (${sqlList(INSPECTION_KPI_SOURCES)})
       AND NOT COALESCE(i.closure_type IN (${sqlList(INSPECTION_KPI_EXCLUDED_CLOSURES)})
                        AND i.closed_on <= i.investigation_due_on, false)
       ${where ? `AND i.id = ${where}` : ''}`;
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

/**
 * The nightly recompute compares facts, cells and histogram buckets street by street through checksums that are
 * linear in the rows, modulo this prime (2^31 − 1: the product of two residues fits in a bigint). A cell counts
 * Σ over its counters of counter × CHECKSUM_WEIGHTS[counter] × monthHash(organisation, month); because that is
 * linear in the counters, the checksum of the cells the facts add up to is the sum of what each fact contributes,
 * computed in one pass over the facts grouped by street alone, without building the 3 M cells first.
 * A street whose rows differ has the same checksum only by chance (≈ 1 in 2^31).
 */
export const CHECKSUM_PRIME = 2147483647;
const P = CHECKSUM_PRIME;

/** A fixed random weight per counter (residues mod CHECKSUM_PRIME), so that moving a count between counters shows. */
const CHECKSUM_WEIGHTS: Record<CellCounter, number> = {
  arb_accepted: 1438070649,
  arb_closed: 1283613605,
  arb_handling_days: 272509494,
  ins_on_time: 1453644146,
  ins_late_closed: 2045418669,
  ins_open_due: 1817278617,
  med_concluded: 1886437446,
  med_agreements: 336245161,
  med_within_15: 964017348,
  med_handling_days: 966868985,
};

/** A 31-bit hash of (organisation, first day of the month), as a residue in (−P, P). */
const monthHash = (organisation: string, monthStart: string) =>
  `(hashint8extended((${monthStart} - DATE '2000-01-01')::int8, uuid_hash_extended(${organisation}, 0)) % ${P})`;

/** Σ counter × weight mod P of integer expressions per counter (each product < 2^62). */
const weighted = (values: Partial<Record<CellCounter, string>>) =>
  `((${Object.entries(values)
    .map(([c, v]) => `(${v})::int8 * ${CHECKSUM_WEIGHTS[c as CellCounter]} % ${P}`)
    .join(' + ')}) % ${P})`;

/** What a fact `f` adds to its street's cell checksum: the CONTRIBUTIONS of each pass, weighted. */
function factCellChecksum(): string {
  return ([1, 2] as const)
    .map((pass) => {
      const arms = CONTRIBUTIONS.filter((c) => c.pass === pass).map(
        (c) =>
          `WHEN ${c.when} THEN ${monthHash('f.organisation_id', `date_trunc('month', (${c.month})::timestamp)::date`)} * ${weighted(c.values)} % ${P}`,
      );
      return `CASE ${arms.join(' ')} ELSE 0 END`;
    })
    .join(' + ');
}

/** A 31-bit hash of a histogram bucket's key (case type, street aside), as a residue in (−P, P). */
const bucketHash = (caseType: string, organisation: string, year: string, days: string) =>
  `(hashint8extended(((${year})::int8 * 4 + CASE ${caseType} WHEN 'ARBITRATION' THEN 1 WHEN 'MEDIATION' THEN 2 ELSE 3 END) * 4294967296 + (${days}), uuid_hash_extended(${organisation}, 1)) % ${P})`;

/** What a fact `f` adds to its street's histogram checksum: its bucket's hash once closed (as handlingSelect counts). */
function factHandlingChecksum(): string {
  return `CASE WHEN f.closed_on IS NOT NULL THEN ${bucketHash(
    'f.case_type',
    'f.organisation_id',
    `date_part('year', f.closed_on)::int`,
    '(f.closed_on - f.started_on)',
  )} ELSE 0 END`;
}

/** A 31-bit hash of a fact's values after its key (street included), as a residue in (−P, P). */
function factHash(): string {
  return `(hash_record_extended(ROW(f.case_id, f.street_code::text, f.organisation_id, f.started_on, f.due_on, f.closed_on, f.agreement), 0) % ${P})`;
}

/**
 * Per (street, case type) of the facts in relation `from` (FACT_COLUMNS): `facts`, the sum of the facts' hashes;
 * with `derived`, also `cells` and `handling`, the checksums of the cells and histogram buckets they add up to.
 * Sums of residues, as numeric text: reduce them mod CHECKSUM_PRIME before comparing.
 */
export function factChecksumsSelect(from: string, derived: boolean): string {
  const more = derived
    ? `, sum(${factCellChecksum()})::text AS cells, sum(${factHandlingChecksum()})::text AS handling`
    : '';
  return `SELECT f.street_code, f.case_type, sum(${factHash()})::text AS facts${more}
  FROM ${from} f GROUP BY 1, 2`;
}

/** Per street: the checksum of the maintained cells (`sum`, numeric text), to compare with factChecksumsSelect's. */
export function cellChecksumsSelect(): string {
  const monthStart = `(c.month || '-01')::date`;
  const counters = Object.fromEntries(CELL_COUNTERS.map((k) => [k, `c.${k}`]));
  return `SELECT c.street_code, sum(${monthHash('c.organisation_id', monthStart)} * ${weighted(counters)} % ${P})::text AS sum
  FROM sla_monthly_cells c GROUP BY 1`;
}

/** Per street: the checksum of the maintained histogram buckets (`sum`, numeric text). */
export function handlingChecksumsSelect(): string {
  return `SELECT h.street_code, sum(h.cases::int8 * ${bucketHash('h.case_type', 'h.organisation_id', 'h.year', 'h.days')} % ${P})::text AS sum
  FROM sla_handling_days h GROUP BY 1`;
}
