import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { usccCheckChar } from '../../src/common/validation/uscc';

/** Request bodies and identifiers for the fixtures of fixtures.ts (and the e2e specs' complaintBody). */

const STREET_A = '310115005';

let serial = 0;
/** A valid USCC (GB 32100 check character) of a test employer, distinct per call. */
export function uscc(): string {
  serial++;
  const first17 = `91310115MAF${String(Date.now() % 10000).padStart(4, '0')}${String(serial).padStart(2, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** A valid resident ID number (GB 11643 check character), distinct per n. */
export function idNumber(n: number): string {
  const first17 = `11010519800101${String(100 + n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid complaint body (the e2e specs' `complaintBody`, test/support/test-app.ts); override any field. */
export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'WAGE_ARREARS',
    employer: { name: '上海浦东某某建筑劳务有限公司', address: '浦东新区世纪大道100号' },
    workplaceStreetCode: STREET_A,
    claimedAmountFen: 1_250_000,
    affectedWorkers: 1,
    facts: '2026年8月至10月工资未发放，共计12500元',
    requests: '支付拖欠工资12500元',
    channel: 'MOBILE',
    // The signed-in worker's phone is the complainant's (a worker names only themselves).
    complainant: { name: '张三', idNumber: '11010519491231002X' },
    ...overrides,
  };
}

/** A complaint body naming a new employer. */
export function complaint(employerName: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return complaintBody({ employer: { name: employerName, address: '浦东新区世纪大道100号' }, ...over });
}

/** A 1×1 PNG (for the evidence upload). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function multipart(
  file: Buffer,
  filename: string,
  type: string,
): { raw: Buffer; contentType: string } {
  const b = `----fuzz${randomUUID()}`;
  const head = `--${b}\r\nContent-Disposition: form-data; name="description"\r\n\r\n工资条\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    raw: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${b}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${b}`,
  };
}
