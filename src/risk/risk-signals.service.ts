import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../common/errors/app-exception';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { RiskRepository, type SignalInsert } from './risk.repository';
import { SIGNAL_KINDS, SIGNAL_SOURCES, type SignalKind } from './risk.rules';

export const MAX_SIGNAL_BATCH = 5000;
/** GB 32100-2015 shape: 登记管理部门码, 机构类别码, 行政区划码 (6 digits), 主体标识码 (9), 校验码 (1). */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The largest value risk_signals.value (numeric(14,2)) holds. */
const MAX_STORED_VALUE = 999_999_999_999.99;
/** An observation may not lie in the future (beyond clock skew). */
const MAX_SKEW_MS = 5 * 60_000;

export type SignalRowStatus = 'STORED' | 'DUPLICATE' | 'REJECTED';

export interface SignalBatchResult {
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  rows: { row: number; status: SignalRowStatus; errors?: FieldError[] }[];
}

/** External signals from other departments: validated per row, valid rows stored, the employers rescored. */
@Injectable()
export class RiskSignalsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RiskRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Parses a CSV upload (header: employerUscc,source,kind,value,observedAt) into rows for `ingest`. */
  parseCsv(text: string): Record<string, string>[] {
    try {
      return parse<Record<string, string>>(text, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
      });
    } catch (err) {
      throw AppException.badRequest('CSV_INVALID', `The CSV could not be read: ${(err as Error).message}`);
    }
  }

  async ingest(body: unknown, now: Date = new Date()): Promise<SignalBatchResult> {
    if (!Array.isArray(body))
      throw AppException.validation([
        fieldError('body', 'isArray', '请求体须为信号的 JSON 数组', 'a JSON array of signals is expected'),
      ]);
    if (body.length === 0 || body.length > MAX_SIGNAL_BATCH)
      throw AppException.validation([
        fieldError(
          'body',
          'arraySize',
          `每批须有 1 至 ${MAX_SIGNAL_BATCH} 条信号`,
          `a batch holds 1 to ${MAX_SIGNAL_BATCH} signals`,
        ),
      ]);
    const parsed = body.map((raw) => parseRow(raw, now));
    const usccs = [...new Set(parsed.flatMap((p) => (p.ok ? [p.uscc] : [])))];
    const result = await this.tx.run(async (em) => {
      const employers = await this.repo.employersByUscc(em, usccs);
      const rows: SignalBatchResult['rows'] = [];
      const toInsert: (SignalInsert & { row: number })[] = [];
      parsed.forEach((p, i) => {
        if (!p.ok) return rows.push({ row: i + 1, status: 'REJECTED', errors: p.errors });
        const employerId = employers.get(p.uscc);
        if (!employerId)
          return rows.push({
            row: i + 1,
            status: 'REJECTED',
            errors: [
              fieldError(
                'employerUscc',
                'exists',
                '没有使用该统一社会信用代码的用人单位',
                'no employer with this unified social credit code',
              ),
            ],
          });
        toInsert.push({ ...p.signal, employerId, row: i + 1 });
        rows.push({ row: i + 1, status: 'DUPLICATE' });
      });
      const inserted = await this.repo.insertSignals(em, toInsert);
      const rescore = new Set<string>();
      toInsert.forEach((s, k) => {
        if (!inserted.has(k)) return;
        rows.find((r) => r.row === s.row)!.status = 'STORED';
        rescore.add(s.employerId);
      });
      for (const employerId of rescore)
        await this.outbox.enqueue(em, JobName.RiskRescoreEmployer, { employerId });
      rows.sort((a, b) => a.row - b.row);
      return rows;
    });
    const count = (s: SignalRowStatus) => result.filter((r) => r.status === s).length;
    return {
      received: body.length,
      stored: count('STORED'),
      duplicates: count('DUPLICATE'),
      rejected: count('REJECTED'),
      rows: result,
    };
  }
}

type ParsedRow =
  { ok: true; uscc: string; signal: Omit<SignalInsert, 'employerId'> } | { ok: false; errors: FieldError[] };

/** Checks one row; every problem of the row is listed. */
export function parseRow(raw: unknown, now: Date): ParsedRow {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return {
      ok: false,
      errors: [fieldError('row', 'isObject', '每条信号须为一个对象', 'each signal is an object')],
    };
  const r = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const uscc = typeof r.employerUscc === 'string' ? r.employerUscc.trim().toUpperCase() : '';
  if (!USCC.test(uscc))
    errors.push(
      fieldError(
        'employerUscc',
        'isUscc',
        'employerUscc 须为 18 位统一社会信用代码',
        'employerUscc must be an 18-character unified social credit code',
      ),
    );
  const source = r.source;
  if (typeof source !== 'string' || !(SIGNAL_SOURCES as readonly string[]).includes(source))
    errors.push(
      fieldError(
        'source',
        'isIn',
        `source 须为以下值之一：${SIGNAL_SOURCES.join(', ')}`,
        `source must be one of ${SIGNAL_SOURCES.join(', ')}`,
      ),
    );
  const kind = r.kind;
  // Own keys only: 'constructor', 'toString' or '__proto__' would find Object.prototype's members.
  const spec =
    typeof kind === 'string' && Object.hasOwn(SIGNAL_KINDS, kind)
      ? SIGNAL_KINDS[kind as SignalKind]
      : undefined;
  if (!spec)
    errors.push(
      fieldError(
        'kind',
        'isIn',
        `kind 须为以下值之一：${Object.keys(SIGNAL_KINDS).join(', ')}`,
        `kind must be one of ${Object.keys(SIGNAL_KINDS).join(', ')}`,
      ),
    );
  const value = typeof r.value === 'string' && r.value.trim() !== '' ? Number(r.value) : r.value;
  if (typeof value !== 'number' || !Number.isFinite(value))
    errors.push(fieldError('value', 'isNumber', 'value 须为数字', 'value must be a number'));
  else if (Math.abs(value) > MAX_STORED_VALUE)
    // Whatever the kind: a value beyond the column failed the whole batch's INSERT (500).
    errors.push(
      fieldError(
        'value',
        'range',
        `value 的绝对值不能超过 ${MAX_STORED_VALUE}`,
        `value must lie within ±${MAX_STORED_VALUE}`,
      ),
    );
  else if (spec && (value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))))
    errors.push(
      fieldError(
        'value',
        'range',
        `${String(kind)} 的 value 须为 ${spec.min} 至 ${spec.max} 之间的${spec.integer ? '整数' : '数'}`,
        `value for ${String(kind)} must be ${spec.integer ? 'an integer ' : ''}between ${spec.min} and ${spec.max}`,
      ),
    );
  const observedAt = typeof r.observedAt === 'string' ? r.observedAt.trim() : '';
  const at = ISO_INSTANT.test(observedAt) ? new Date(observedAt) : null;
  if (!at || Number.isNaN(at.getTime()))
    errors.push(
      fieldError(
        'observedAt',
        'isIso8601',
        'observedAt 须为带时区的 ISO 8601 时间',
        'observedAt must be an ISO 8601 instant with a time zone',
      ),
    );
  else if (at.getTime() > now.getTime() + MAX_SKEW_MS)
    errors.push(
      fieldError('observedAt', 'notInFuture', 'observedAt 不能晚于当前时间', 'observedAt lies in the future'),
    );
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    uscc,
    signal: {
      source: source as string,
      kind: kind as string,
      value: value as number,
      observedAt: at!.toISOString(),
    },
  };
}
