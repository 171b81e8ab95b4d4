import ExcelJS from 'exceljs';
import type { Totals } from './sla.service';

export interface MonthlyReport {
  period: string;
  asOf: string;
  rows: ({ street: string; streetName: string } & Totals)[];
}

/** Columns of the monthly report, in order: header (zh / en) and the value of a row. */
const COLUMNS: {
  header: string;
  value: (r: MonthlyReport['rows'][number], period: string) => string | number | null;
}[] = [
  { header: '街镇代码 street', value: (r) => r.street },
  { header: '街镇 street name', value: (r) => r.streetName },
  { header: '月份 month', value: (_r, p) => p },
  { header: '仲裁期初未结 arbitration pending at start', value: (r) => r.arbitration.pendingAtStart },
  { header: '仲裁本期受理 accepted', value: (r) => r.arbitration.accepted },
  { header: '仲裁本期审结 closed', value: (r) => r.arbitration.closed },
  { header: '仲裁结案率 closure rate', value: (r) => r.arbitration.rate },
  { header: '监察应结 inspection due', value: (r) => r.inspection.due },
  { header: '监察按期结案 on time', value: (r) => r.inspection.onTime },
  { header: '监察按期结案率 on-time rate', value: (r) => r.inspection.rate },
  { header: '调解结束 mediation concluded', value: (r) => r.mediation.concluded },
  { header: '调解成功 agreements', value: (r) => r.mediation.agreements },
  { header: '调解成功率 success rate', value: (r) => r.mediation.successRate },
  { header: '15日内结束 within 15 days', value: (r) => r.mediation.within15Days },
  { header: '15日内结束占比 share within 15 days', value: (r) => r.mediation.within15DaysShare },
];

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what needs it, and neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese headers right). */
export function monthlyReportCsv(report: MonthlyReport): Buffer {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of report.rows) lines.push(COLUMNS.map((c) => csvCell(c.value(r, report.period))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function monthlyReportXlsx(report: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '劳动维权智慧服务平台';
  const ws = wb.addWorksheet(`月报 ${report.period}`);
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of report.rows) ws.addRow(COLUMNS.map((c) => c.value(r, report.period)));
  COLUMNS.forEach((c, i) => {
    if (/rate|share/.test(c.header)) ws.getColumn(i + 1).numFmt = '0.00%';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
