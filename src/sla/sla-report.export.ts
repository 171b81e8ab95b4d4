import { excelJs } from '../common/load-on-use';
import type { Totals } from './sla.service';

/** One street of the report; `totals` null = the street had no case in the month (shown as "—"). */
export interface ReportRow {
  street: string;
  streetName: string;
  totals: Totals | null;
}

export interface MonthlyReport {
  period: string;
  asOf: string;
  rows: ReportRow[];
  /** The sum over every row (the district total when the report covers a district). */
  total: Totals;
}

/** What a cell shows where there is nothing to show: a street without data, a rate without denominator. */
export const NO_DATA = '—';
export const TOTAL_LABEL = '合计 total';

type Cell = string | number | null;

/** Columns of the monthly report, in order: header (zh / en), whether it is a rate, and its value. */
const COLUMNS: { header: string; rate?: true; value: (t: Totals) => number | null }[] = [
  { header: '仲裁期初未结 arbitration pending at start', value: (t) => t.arbitration.pendingAtStart },
  { header: '仲裁本期受理 accepted', value: (t) => t.arbitration.accepted },
  { header: '仲裁本期审结 closed', value: (t) => t.arbitration.closed },
  { header: '仲裁结案率 closure rate', rate: true, value: (t) => t.arbitration.rate },
  { header: '监察应结 inspection due', value: (t) => t.inspection.due },
  { header: '监察按期结案 on time', value: (t) => t.inspection.onTime },
  { header: '监察按期结案率 on-time rate', rate: true, value: (t) => t.inspection.rate },
  { header: '调解结束 mediation concluded', value: (t) => t.mediation.concluded },
  { header: '调解成功 agreements', value: (t) => t.mediation.agreements },
  { header: '调解成功率 success rate', rate: true, value: (t) => t.mediation.successRate },
  { header: '15日内结束 within 15 days', value: (t) => t.mediation.within15Days },
  {
    header: '15日内结束占比 share within 15 days',
    rate: true,
    value: (t) => t.mediation.within15DaysShare,
  },
];
const HEADERS = ['街镇代码 street', '街镇 street name', '月份 month', ...COLUMNS.map((c) => c.header)];

/** 0.9234 → "92.3%" (the dashboard's format). */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** The report's lines: a row per street, then the total; values raw (numbers, rates 0..1, null = "—"). */
function lines(report: MonthlyReport): { label: Cell[]; values: (number | null)[] | null }[] {
  return [
    ...report.rows.map((r) => ({
      label: [r.street, r.streetName, report.period] as Cell[],
      values: r.totals ? COLUMNS.map((c) => c.value(r.totals!)) : null,
    })),
    { label: ['', TOTAL_LABEL, report.period], values: COLUMNS.map((c) => c.value(report.total)) },
  ];
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what needs it, and neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese headers right): rates as "92.3%",
 * "—" for a rate without denominator and for every figure of a street without data, the total row last.
 */
export function monthlyReportCsv(report: MonthlyReport): Buffer {
  const out = [HEADERS.map(csvCell).join(',')];
  for (const l of lines(report)) {
    const values = COLUMNS.map((c, i) => {
      const v = l.values ? l.values[i] : null;
      if (v === null) return NO_DATA;
      return c.rate ? formatRate(v) : v;
    });
    out.push([...l.label, ...values].map(csvCell).join(','));
  }
  return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
}

/** The same lines as XLSX: numbers stay numbers (rates formatted 0.0%), "—" where there is nothing to show. */
export async function monthlyReportXlsx(report: MonthlyReport): Promise<Buffer> {
  const wb = new (excelJs().Workbook)();
  wb.creator = '劳动维权智慧服务平台';
  const ws = wb.addWorksheet(`月报 ${report.period}`);
  ws.columns = HEADERS.map((h) => ({ header: h, width: Math.max(12, h.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const l of lines(report))
    ws.addRow([...l.label, ...COLUMNS.map((_c, i) => (l.values ? (l.values[i] ?? NO_DATA) : NO_DATA))]);
  ws.lastRow!.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (c.rate) ws.getColumn(i + 4).numFmt = '0.0%';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
