import { createHash } from 'node:crypto';
import { isValidUscc } from '../../src/common/validation/uscc';
import { isValidTrackingNumber } from '../../src/common/tracking-number';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../../src/complaints/complaint.constants';
import { MEDIATION_STATUSES } from '../../src/mediation/mediation.state';
import { ARBITRATION_STATUSES, CLOSURE_TYPES } from '../../src/arbitration/arbitration.constants';
import { daysBetween } from '../../src/calendar/local-date';
import { copyLine, type CopyValue } from './copy-format';
import { HistoryGenerator, type PiiSealer } from './history';
import { streetsOf } from './scales';
import { TABLE_COLUMNS, type TableName } from './tables';

type Row = Record<string, CopyValue>;

/** A deterministic stand-in for PiiCipher (a real one draws a random IV per value). */
const pii: PiiSealer = {
  encrypt: (v) => `v1:stub:${createHash('sha256').update(`enc:${v}`).digest('base64url')}`,
  blindIndex: (kind, v) => createHash('sha256').update(`${kind}:${v}`).digest('hex'),
};

function generate(seed: number, complaints = 4000): Record<TableName, Row[]> & { hash: string } {
  const { streets } = streetsOf(['310115']);
  const g = new HistoryGenerator({
    seed,
    end: '2026-11-26',
    years: 3,
    complaints,
    employers: 500,
    streets,
    pii,
  });
  const out = Object.fromEntries(Object.keys(TABLE_COLUMNS).map((t) => [t, [] as Row[]])) as Record<
    TableName,
    Row[]
  >;
  const hash = createHash('sha256');
  const emit = (t: TableName, v: CopyValue[]) => {
    const cols: readonly string[] = TABLE_COLUMNS[t];
    if (v.length !== cols.length) throw new Error(`${t}: ${v.length} values for ${cols.length} columns`);
    out[t].push(Object.fromEntries(cols.map((c, i) => [c, v[i]])));
    hash.update(t).update(copyLine(v));
  };
  g.emitUsers(emit);
  g.emitEmployers(emit);
  for (const d of g.plan) g.emitDay(d, emit);
  return Object.assign(out, { hash: hash.digest('hex') });
}

const s = (v: CopyValue) => v as string;

describe('HistoryGenerator', () => {
  const a = generate(11);

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(generate(11).hash).toBe(a.hash);
    expect(generate(12).hash).not.toBe(a.hash);
  });

  it('writes about the requested number of complaints over 3 years, with unique ids and tracking numbers', () => {
    expect(a.complaints.length).toBeGreaterThan(3800);
    expect(a.complaints.length).toBeLessThan(4200);
    const ids = new Set([...a.complaints, ...a.mediation_cases, ...a.arbitration_cases].map((r) => r.id));
    expect(ids.size).toBe(a.complaints.length + a.mediation_cases.length + a.arbitration_cases.length);
    expect(new Set(a.complaints.map((r) => r.tracking_no)).size).toBe(a.complaints.length);
    expect(a.complaints.every((r) => isValidTrackingNumber(s(r.tracking_no)))).toBe(true);
    expect(
      a.complaints.every((r) => s(r.received_on) >= '2023-11-27' && s(r.received_on) <= '2026-11-26'),
    ).toBe(true);
  });

  it('gives every employer a valid USCC and a real Pudong street', () => {
    expect(a.employers).toHaveLength(500);
    expect(a.employers.every((e) => isValidUscc(s(e.uscc)))).toBe(true);
    expect(new Set(a.employers.map((e) => e.uscc)).size).toBe(500);
    expect(a.employers.every((e) => /^310115\d{3}$/.test(s(e.street_code)))).toBe(true);
  });

  it('uses only valid statuses and categories, with wage arrears the largest category', () => {
    expect(a.complaints.every((r) => (COMPLAINT_STATUSES as readonly CopyValue[]).includes(r.status))).toBe(
      true,
    );
    expect(
      a.complaints.every((r) => (COMPLAINT_CATEGORIES as readonly CopyValue[]).includes(r.category)),
    ).toBe(true);
    expect(
      a.mediation_cases.every((r) => (MEDIATION_STATUSES as readonly CopyValue[]).includes(r.status)),
    ).toBe(true);
    expect(
      a.arbitration_cases.every((r) => (ARBITRATION_STATUSES as readonly CopyValue[]).includes(r.status)),
    ).toBe(true);
    const arrears = a.complaints.filter((r) => r.category === 'WAGE_ARREARS').length / a.complaints.length;
    expect(arrears).toBeGreaterThan(0.4);
    expect(arrears).toBeLessThan(0.55);
  });

  it('peaks wage arrears in the weeks before the Spring Festival', () => {
    const inWindow = (from: string, to: string) =>
      a.complaints.filter(
        (r) => r.category === 'WAGE_ARREARS' && s(r.received_on) >= from && s(r.received_on) <= to,
      ).length;
    // 42 days before the 2025 and 2026 holidays vs the same length in early summer.
    expect(inWindow('2024-12-17', '2025-01-27')).toBeGreaterThan(1.8 * inWindow('2025-05-06', '2025-06-16'));
    expect(inWindow('2026-01-04', '2026-02-14')).toBeGreaterThan(1.8 * inWindow('2026-05-06', '2026-06-16'));
  });

  it('keeps dates in order and statuses consistent with them', () => {
    const complaint = new Map(a.complaints.map((r) => [r.id, r]));
    for (const m of a.mediation_cases) {
      const c = complaint.get(m.complaint_id)!;
      expect(c.route_target).toBe('MEDIATION');
      expect(s(m.opened_on) >= s(c.received_on)).toBe(true);
      if (m.status === 'OPEN') expect(m.closed_on).toBeNull();
      else expect(daysBetween(s(m.opened_on), s(m.closed_on))).toBeGreaterThanOrEqual(0);
      if (m.closed_on) expect(s(m.closed_on) <= '2026-11-26').toBe(true);
    }
    for (const x of a.arbitration_cases) {
      expect(s(x.applied_on) >= s(complaint.get(x.complaint_id)!.received_on)).toBe(true);
      if (x.accepted_on) expect(s(x.accepted_on) >= s(x.applied_on)).toBe(true);
      if (x.status === 'CLOSED') {
        expect(CLOSURE_TYPES).toContain(x.closure_type);
        expect(s(x.closed_on) >= s(x.accepted_on)).toBe(true);
      } else expect(x.closure_type).toBeNull();
      if (x.status === 'APPLIED' || x.status === 'NOT_ACCEPTED') expect(x.accepted_on).toBeNull();
    }
  });

  it('opens inspection cases for complaints routed to the brigade, with working-day clocks in order', () => {
    const routed = a.complaints.filter((r) => r.route_target === 'INSPECTION');
    expect(a.inspection_cases).toHaveLength(routed.length);
    expect(new Set(a.inspection_cases.map((x) => x.case_no)).size).toBe(a.inspection_cases.length);
    for (const x of a.inspection_cases) {
      expect(s(x.acceptance_due_on) > s(x.received_on)).toBe(true);
      if (x.accepted_on) expect(s(x.investigation_due_on) > s(x.accepted_on)).toBe(true);
      if (x.status === 'CLOSED') expect(s(x.closed_on) >= s(x.accepted_on)).toBe(true);
      else expect(x.closed_on).toBeNull();
      if (x.status === 'REFUSED') expect(x.accepted_on).toBeNull();
    }
    const closed = a.inspection_cases.filter((x) => x.status === 'CLOSED');
    const late = closed.filter((x) => s(x.closed_on) > s(x.investigation_due_on)).length / closed.length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(0.08);
  });

  it('reports more external signals for employers that draw more complaints', () => {
    const complaintsOf = new Map<CopyValue, number>();
    for (const c of a.complaints) complaintsOf.set(c.employer_id, (complaintsOf.get(c.employer_id) ?? 0) + 1);
    const withSignals = new Set(a.risk_signals.map((x) => x.employer_id));
    const mean = (ids: CopyValue[]) =>
      ids.reduce<number>((n, id) => n + (complaintsOf.get(id) ?? 0), 0) / ids.length;
    const ids = a.employers.map((e) => e.id);
    expect(mean(ids.filter((id) => withSignals.has(id)))).toBeGreaterThan(
      mean(ids.filter((id) => !withSignals.has(id))),
    );
    const keys = a.risk_signals.map(
      (x) => `${s(x.source)}|${s(x.employer_id)}|${s(x.kind)}|${s(x.observed_at)}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('files layoffs only for employers of 20+ workers, flagging 劳动合同法 第四十一条 consistently', () => {
    const headcount = new Map(a.employers.map((e) => [e.id, e.headcount as number]));
    expect(a.layoff_filings.length + a.closure_notices.length).toBeGreaterThan(0);
    for (const l of a.layoff_filings) {
      const cut = l.headcount_cut as number;
      expect(headcount.get(l.employer_id)).toBe(l.total_headcount);
      expect(l.total_headcount as number).toBeGreaterThanOrEqual(20);
      expect(l.art41_applies).toBe(cut >= 20 || cut * 10 >= (l.total_headcount as number));
      expect(s(l.layoff_on) > s(l.filed_on)).toBe(true);
    }
    for (const n of a.closure_notices) expect(s(n.effective_on) > s(n.notified_on)).toBe(true);
  });

  it('closes a few arbitration cases late (after 45 + 15 days) and extends the ones past 45', () => {
    const closed = a.arbitration_cases.filter((x) => x.status === 'CLOSED');
    const days = (x: Row) => daysBetween(s(x.accepted_on), s(x.closed_on));
    const late = closed.filter((x) => days(x) > 60).length / closed.length;
    expect(late).toBeGreaterThan(0.01);
    expect(late).toBeLessThan(0.12);
    const decision = new Map(
      a.clocks.filter((c) => c.rule_id === 'ARBITRATION_DECISION').map((c) => [c.case_id, c.id]),
    );
    const extendedClocks = new Set(a.clock_events.filter((e) => e.type === 'EXTEND').map((e) => e.clock_id));
    for (const x of closed.filter((c) => days(c) > 45))
      expect(extendedClocks.has(decision.get(x.id)!)).toBe(true);
    for (const x of closed.filter((c) => days(c) <= 45))
      expect(extendedClocks.has(decision.get(x.id)!)).toBe(false);
  });
});

describe('HistoryGenerator without an inspection_cases table', () => {
  it('writes no inspection clocks and leaves the other rows unchanged', () => {
    const { streets } = streetsOf(['310115']);
    const rows = (present?: (t: TableName) => boolean) => {
      const g = new HistoryGenerator({
        seed: 5,
        end: '2026-11-26',
        years: 1,
        complaints: 800,
        employers: 100,
        streets,
        present,
        pii,
      });
      const out: string[] = [];
      const emit = (t: TableName, v: CopyValue[]) => {
        if (t !== 'inspection_cases') out.push(`${t}\t${copyLine(v)}`);
      };
      g.emitUsers(emit);
      g.emitEmployers(emit);
      for (const d of g.plan) g.emitDay(d, emit);
      return out;
    };
    const all = rows();
    const without = rows((t) => t !== 'inspection_cases');
    expect(all.some((l) => l.includes('\tINSPECTION\t'))).toBe(true);
    expect(without.some((l) => l.startsWith('clocks') && l.includes('\tINSPECTION\t'))).toBe(false);
    const field = (l: string, i: number) => l.split('\t')[i];
    const inspectionClocks = new Set(
      all.filter((l) => l.startsWith('clocks\t') && field(l, 2) === 'INSPECTION').map((l) => field(l, 1)),
    );
    expect(inspectionClocks.size).toBeGreaterThan(0);
    expect(without).toEqual(
      all.filter(
        (l) =>
          !(l.startsWith('clocks\t') && inspectionClocks.has(field(l, 1))) &&
          !(l.startsWith('clock_events\t') && inspectionClocks.has(field(l, 2))),
      ),
    );
  });
});
