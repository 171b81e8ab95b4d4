import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { READ_CONTRACT_VIEWS } from '../../migrations/1796400001300-read-contract-views';
import { SEARCH_READ_CONTRACT_VIEWS } from '../../migrations/1796400001400-search-read-contract-views';
import { NAME_GRAM_READ_CONTRACT_VIEWS } from '../../migrations/1796400001600-employer-name-grams';
import { ARBITRATION_EMPLOYER_READ_CONTRACT_VIEWS } from '../../migrations/1796400001900-arbitration-case-employer';
import { MEDIATION_PERIOD_READ_CONTRACT_VIEWS } from '../../migrations/1796400002200-mediation-period-start';
import { INSPECTION_KPI_SCOPE_READ_CONTRACT_VIEWS } from '../../migrations/1796400002400-inspection-kpi-scope';
import { LAYOFF_SPLIT_READ_CONTRACT_VIEWS } from '../../migrations/1796400003300-layoff-split-rule';
import { RISK_PAID_ARREARS_VIEWS } from '../../migrations/1796400007900-risk-paid-arrears-views';
import { RISK_FINDING_ORDER_VIEWS } from '../../migrations/1796400009300-risk-finding-order-views';
import { RISK_CASE_ORDER_VIEWS } from '../../migrations/1796400009400-risk-case-order-refused';
import { ARBITRATION_KPI_CASE_NUMBER_VIEWS } from '../../migrations/1796400005300-arbitration-kpi-case-number';
import { ARBITRATION_KPI_COMMISSION_VIEWS } from '../../migrations/1796400009500-arbitration-kpi-commission';
import { EMPLOYER_NAME_CONFIRMED_VIEWS } from '../../migrations/1796400007300-employer-name-confirmed-views';
import { CASE_PARTY_VIEWS } from '../../migrations/1796400009600-case-party-views';
import { COMPLAINT_KPI_ROUTING_VIEWS } from '../../migrations/1796400010100-complaint-kpi-routing';
import { UNVERIFIED_COMPLAINANT_KEY, VERIFIED_WORKER_KEY } from '../../src/complaints/complainant.rules';
import { filesUnder } from '../support/source-files';

/**
 * docs/read-contracts.md, enforced: no SQL under src/ names another module's table; the bulk readers read another
 * module's rows only through a view that module publishes for that reader; the list, the migrations' views and the
 * code agree.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
/**
 * The modules that read other modules' rows in bulk, each through the views listed for it; mediation and arbitration
 * read the names of a page's parties in the page's own statement.
 */
const READERS = ['sla', 'risk', 'search', 'compliance', 'mediation', 'arbitration'];
/** Every read-contract view, by the migrations that create them; a later migration's replaces an earlier one's. */
const VIEWS: Record<string, string> = {
  ...READ_CONTRACT_VIEWS,
  ...SEARCH_READ_CONTRACT_VIEWS,
  ...NAME_GRAM_READ_CONTRACT_VIEWS,
  ...ARBITRATION_EMPLOYER_READ_CONTRACT_VIEWS,
  ...MEDIATION_PERIOD_READ_CONTRACT_VIEWS,
  ...INSPECTION_KPI_SCOPE_READ_CONTRACT_VIEWS,
  ...LAYOFF_SPLIT_READ_CONTRACT_VIEWS,
  ...ARBITRATION_KPI_CASE_NUMBER_VIEWS,
  ...EMPLOYER_NAME_CONFIRMED_VIEWS,
  ...RISK_PAID_ARREARS_VIEWS,
  ...RISK_FINDING_ORDER_VIEWS,
  ...CASE_PARTY_VIEWS,
  ...RISK_CASE_ORDER_VIEWS,
  ...ARBITRATION_KPI_COMMISSION_VIEWS,
  ...COMPLAINT_KPI_ROUTING_VIEWS,
};
/** The views a later migration replaced (CREATE OR REPLACE VIEW, columns added at the end). */
const REPLACED = [
  ...Object.keys(ARBITRATION_EMPLOYER_READ_CONTRACT_VIEWS),
  ...Object.keys(MEDIATION_PERIOD_READ_CONTRACT_VIEWS),
  ...Object.keys(INSPECTION_KPI_SCOPE_READ_CONTRACT_VIEWS),
  ...Object.keys(LAYOFF_SPLIT_READ_CONTRACT_VIEWS),
  ...Object.keys(ARBITRATION_KPI_CASE_NUMBER_VIEWS),
  ...Object.keys(EMPLOYER_NAME_CONFIRMED_VIEWS),
  'complaint_risk_source',
  'inspection_risk_source',
  ...Object.keys(RISK_FINDING_ORDER_VIEWS),
  ...Object.keys(RISK_CASE_ORDER_VIEWS),
  ...Object.keys(ARBITRATION_KPI_COMMISSION_VIEWS),
  ...Object.keys(COMPLAINT_KPI_ROUTING_VIEWS),
];
/** The views created after the first three migrations. */
const CREATED_LATER = [...Object.keys(RISK_PAID_ARREARS_VIEWS), ...Object.keys(CASE_PARTY_VIEWS)].filter(
  (v) => !REPLACED.includes(v),
);

const files = (dir: string): string[] => filesUnder(dir, () => true);
const moduleOf = (file: string) => relative(SRC, file).split('/')[0];
const withoutComments = (ts: string) => ts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every entity table under src/ and the module (top folder) that owns it. */
function tableOwners(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')))
    for (const m of readFileSync(f, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'([a-z0-9_]+)'/g))
      out.set(m[1], moduleOf(f));
  return out;
}

interface Contract {
  view: string;
  owner: string;
  /** One module, or several (`mediation, arbitration`). */
  readers: string[];
  table: string;
  columns: string[];
}

/** The rows of docs/read-contracts.md's table of views. */
function contracts(): Contract[] {
  const doc = readFileSync(join(ROOT, 'docs', 'read-contracts.md'), 'utf8');
  return [
    ...doc.matchAll(
      /^\|\s*`([a-z_]+)`\s*\|\s*([a-z-]+)\s*\|\s*([a-z, -]+?)\s*\|\s*`([a-z_]+)`\s*\|([^|]+)\|$/gm,
    ),
  ].map((m) => ({
    view: m[1],
    owner: m[2],
    readers: m[3].split(',').map((r) => r.trim()),
    table: m[4],
    columns: m[5].split(',').map((c) => c.trim()),
  }));
}

/**
 * The relations SQL text names: after FROM / JOIN / INTO / UPDATE / TABLE, and at the start of a string that is a
 * FROM clause built apart (`'mediation_cases m JOIN …'`, `'complaints c'`: a relation and its alias).
 */
function relationsIn(text: string): string[] {
  const sql = withoutComments(text);
  return [
    ...[...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_][a-z0-9_]*)"?/g)].map((m) => m[1]),
    ...[...sql.matchAll(/[`'"]([a-z_][a-z0-9_]*) [a-z]{1,3}(?: (?:JOIN|LEFT|WHERE)\b|[`'"])/g)].map(
      (m) => m[1],
    ),
  ];
}
const relationsRead = (file: string) => relationsIn(readFileSync(file, 'utf8'));

/** The foreign tables and unlisted views a reader's SQL files name. */
function violations(reader: string, owners: Map<string, string>, listed: Contract[]): string[] {
  const sqlFiles = files(join(SRC, reader)).filter(
    (f) => (f.endsWith('.sql.ts') || f.endsWith('.repository.ts')) && !f.endsWith('.spec.ts'),
  );
  expect(sqlFiles.length).toBeGreaterThan(0);
  const views = new Set(Object.keys(VIEWS));
  return sqlFiles.flatMap((f) =>
    relationsRead(f)
      .filter((rel) => {
        if (views.has(rel)) return !listed.some((c) => c.view === rel && c.readers.includes(reader));
        const owner = owners.get(rel);
        return owner !== undefined && owner !== reader;
      })
      .map((rel) => `${relative(ROOT, f)}: ${rel}`),
  );
}

describe('read contracts (docs/read-contracts.md)', () => {
  const owners = tableOwners();
  const listed = contracts();

  it('finds the entity tables and the listed views', () => {
    expect(owners.get('complaints')).toBe('complaints');
    expect(owners.get('sla_case_facts')).toBe('sla');
    expect(listed.length).toBeGreaterThanOrEqual(22);
    expect([...new Set(listed.flatMap((c) => c.readers))].sort()).toEqual([...READERS].sort());
  });

  it.each(READERS)('%s reads no table of another module and only the views listed for it', (reader) => {
    expect(violations(reader, owners, listed)).toEqual([]);
  });

  it("no file under src/ names another module's table, nor a view listed for another module", () => {
    const views = new Set(Object.keys(VIEWS));
    const reaches = files(SRC)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .flatMap((f) =>
        relationsRead(f)
          .filter((rel) =>
            views.has(rel)
              ? !listed.some((c) => c.view === rel && c.readers.includes(moduleOf(f)))
              : owners.has(rel) && owners.get(rel) !== moduleOf(f),
          )
          .map((rel) => `${relative(ROOT, f)}: ${rel}`),
      );
    expect([...new Set(reaches)]).toEqual([]);
  });

  it('every listed view is read by its reader (a contract nobody reads is taken off the list)', () => {
    const unread = listed.flatMap((c) =>
      c.readers
        .filter(
          (reader) =>
            !files(join(SRC, reader)).some(
              (f) => !f.endsWith('.spec.ts') && relationsRead(f).includes(c.view),
            ),
        )
        .map((reader) => `${reader}: ${c.view}`),
    );
    expect(unread).toEqual([]);
  });

  it('catches a foreign table and a view listed for another reader', () => {
    const fake = [
      {
        view: 'complaint_kpi_source',
        owner: 'complaints',
        readers: ['risk'],
        table: 'complaints',
        columns: [],
      },
    ];
    // With complaint_kpi_source listed for risk only, sla's at-risk list is a violation.
    expect(violations('sla', owners, fake)).toEqual(
      expect.arrayContaining([expect.stringMatching(/sla-reports\.repository\.ts: complaint_kpi_source$/)]),
    );
    // A repository of entity calls and findRows WHERE clauses only names no relation; an INSERT … SELECT FROM
    // unnest(…) names its table and unnest, and a findRows IN (SELECT * FROM unnest(…)) unnest again, which no
    // module owns (so never a violation); a plain SELECT … FROM its own table (casesWith) names it again.
    expect(relationsRead(join(SRC, 'reference', 'organisations.repository.ts'))).toEqual([]);
    expect(relationsRead(join(SRC, 'audit', 'audit.repository.ts'))).toEqual([
      'case_events',
      'unnest',
      'case_events',
      'unnest',
    ]);
    // A FROM clause built apart, with or without a join after the alias, and a view among tables.
    expect(
      new Set(
        relationsIn("arm('complaints c', 'c', m); arm('mediation_cases m JOIN complaints c ON c.id = m.id')"),
      ),
    ).toEqual(new Set(['complaints', 'mediation_cases']));
    expect(
      violations('search', owners, [
        {
          view: 'complaint_search_source',
          owner: 'complaints',
          readers: ['sla'],
          table: 'complaints',
          columns: [],
        },
      ]),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/search\.repository\.ts: complaint_search_source$/)]),
    );
    const sql = 'SELECT 1 FROM complaints c JOIN sla_case_facts f ON true';
    expect([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1])).toEqual([
      'complaints',
      'sla_case_facts',
    ]);
  });

  it('the list and the migration agree: every view listed once, owned by the source table’s module, with its columns', () => {
    expect(listed.map((c) => c.view).sort()).toEqual(Object.keys(VIEWS).sort());
    // The migrations name each view once.
    // The migrations create each view once; a later one may replace it, keeping its columns first and in order.
    expect(Object.keys(VIEWS).length).toBe(
      Object.keys(READ_CONTRACT_VIEWS).length +
        Object.keys(SEARCH_READ_CONTRACT_VIEWS).length +
        Object.keys(NAME_GRAM_READ_CONTRACT_VIEWS).length +
        CREATED_LATER.length,
    );
    const columnsOf = (select: string) =>
      /^SELECT\s+([\s\S]+?)\s+FROM\b/
        .exec(select)![1]
        .split(',')
        .map((c) => c.trim());
    for (const view of REPLACED) {
      const first = {
        ...READ_CONTRACT_VIEWS,
        ...SEARCH_READ_CONTRACT_VIEWS,
        ...NAME_GRAM_READ_CONTRACT_VIEWS,
      }[view];
      expect({ view, created: first !== undefined }).toEqual({ view, created: true });
      const before = columnsOf(first);
      expect(columnsOf(VIEWS[view]).slice(0, before.length)).toEqual(before);
    }
    expect(new Set(listed.map((c) => c.view)).size).toBe(listed.length);
    for (const c of listed) {
      const select = VIEWS[c.view];
      // A plain projection of one table: the planner inlines it, the table's indexes serve the reader.
      expect({
        view: c.view,
        plain: !/\b(JOIN|WHERE|GROUP|DISTINCT|UNION|LIMIT|OVER)\b/i.test(select),
      }).toEqual({
        view: c.view,
        plain: true,
      });
      expect({ view: c.view, from: /\bFROM\s+([a-z_]+)\s*$/.exec(select)?.[1] }).toEqual({
        view: c.view,
        from: c.table,
      });
      expect({ view: c.view, owner: owners.get(c.table) }).toEqual({ view: c.view, owner: c.owner });
      for (const reader of c.readers) expect(READERS).toContain(reader);
      // The view's output columns: the name before each top-level comma (an alias or a bare column).
      const cols = select
        .replace(/^SELECT\s+/, '')
        .replace(/\s+FROM\s+[a-z_]+\s*$/, '')
        .replace(/CASE[\s\S]*?END/g, 'x')
        .split(',')
        .map((e) => e.trim().split(/\s+/).pop());
      expect({ view: c.view, columns: cols }).toEqual({ view: c.view, columns: c.columns });
    }
  });

  it('complaint_risk_source computes the complainant keys exactly as complainant.rules.ts does', () => {
    const flat = (sql: string) => sql.replace(/\s+/g, ' ').trim();
    const view = flat(READ_CONTRACT_VIEWS.complaint_risk_source);
    expect(view).toContain(`${flat(VERIFIED_WORKER_KEY('x').replace(/x\./g, ''))} AS worker_key`);
    expect(view).toContain(`${flat(UNVERIFIED_COMPLAINANT_KEY('x').replace(/x\./g, ''))} AS unverified_key`);
  });
});
