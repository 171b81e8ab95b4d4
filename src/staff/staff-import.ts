import { excelJs } from '../common/load-on-use';
import { parse } from 'csv-parse/sync';
import { fieldError, type FieldError } from '../common/errors/app-exception';

/** The columns of a staff import file (first row); `phone` is optional. */
export const IMPORT_COLUMNS = [
  'username',
  'displayName',
  'role',
  'organisation',
  'jurisdictionCodes',
  'phone',
] as const;
export const MAX_IMPORT_ROWS = 2000;

export interface ImportRow {
  /** The line (CSV) or row number (XLSX) in the file, the header being line 1. */
  line: number;
  values: Record<string, string>;
}

/** A problem of the file: a field error and the line it is on. */
export type ImportProblem = FieldError & { line: number };

/** An .xlsx file is a zip archive. */
const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

/** Parses a CSV (UTF-8, BOM allowed) or XLSX (first sheet) staff file into rows keyed by the header names. */
export async function parseImportFile(file: Buffer): Promise<{ columns: string[]; rows: ImportRow[] }> {
  const table = isZip(file) ? await xlsxTable(file) : csvTable(file);
  const [header = [], ...body] = table;
  const columns = header.map((h) => h.trim()).filter((h) => h !== '');
  const rows = body
    .map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(columns.map((n, j) => [n, (cells[j] ?? '').trim()])),
    }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
  return { columns, rows };
}

function csvTable(file: Buffer): string[][] {
  const table: string[][] = parse(file, { bom: true, relax_column_count: true, skip_empty_lines: false });
  return table;
}

async function xlsxTable(file: Buffer): Promise<string[][]> {
  const wb = new (excelJs().Workbook)();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.text ?? ''));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Pure: the header's problems (missing required columns, unknown ones). */
export function headerProblems(names: readonly string[]): ImportProblem[] {
  const known = new Set<string>(IMPORT_COLUMNS);
  return [
    ...IMPORT_COLUMNS.filter((c) => c !== 'phone' && !names.includes(c)).map((c) =>
      fieldError(c, 'isDefined', '缺少此列', 'column is missing', { line: 1 }),
    ),
    ...names
      .filter((n) => !known.has(n))
      .map((n) => fieldError(n, 'whitelistValidation', '不是可导入的列', 'unknown column', { line: 1 })),
  ];
}
