/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号《重大劳动保障违法行为社会公布办法》): quarterly batches of the violations
 * recorded as major (`major`: one of the 第五条 cases, decided by the inspector who closes the case).
 */
export const PUBLICATION_RULES = {
  // 人社部令第29号 第八条 (number TO VERIFY; content in two press reports, docs/legal-rules.md): 地市级、县级每季度公布一次
  QUARTERS_PER_YEAR: 4,
} as const;

/**
 * 人社部令第29号 第五条: the publishable cases (the `major` flag of a violation means one of them applies).
 * 第六条 lists what is published: name, USCC (or registration number) and address, the legal representative's name,
 * the main facts and the handling. The platform's public endpoint leaves out every person's name (no personal data).
 */
export const MAJOR_VIOLATION_CASES = [
  '（一）克扣、无故拖欠劳动者劳动报酬，数额较大的；拒不支付劳动报酬，依法移送司法机关追究刑事责任的',
  '（二）不依法参加社会保险或者不依法缴纳社会保险费，情节严重的',
  '（三）违反工作时间和休息休假规定，情节严重的',
  '（四）违反女职工和未成年工特殊劳动保护规定，情节严重的',
  '（五）违反禁止使用童工规定的',
  '（六）因劳动保障违法行为造成严重不良社会影响的',
  '（七）其他重大劳动保障违法行为',
] as const;

/** The first and last day of a quarter (1–4) of a year. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeError(`no such quarter: ${year} Q${quarter}`);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(firstMonth + 2)}-${lastDay}` };
}
