import type { ClockView } from '../deadlines/deadlines.service';

/**
 * 补正 of an arbitration application, as data and small pure functions. 劳动人事争议仲裁办案规则 (2017, 人社部令第33号)
 * 第二十九条: what the application states (第一款), and 第四款 "对于仲裁申请书不规范或者材料不齐备的，仲裁委员会应当当场
 * 或者在五日内一次性告知申请人需要补正的全部材料" — once, everything, within five (working, 第八十条) days. The
 * acceptance period of 第三十条 (收到仲裁申请之日起五日内) then counts from the day the completed application is received.
 */

/** The items an application may lack, by what 第二十九条 asks it to state or carry. */
export const CORRECTION_ITEMS = {
  // 第二十九条第一款第（一）项: the worker's particulars
  APPLICANT_IDENTITY: '申请人（劳动者）的姓名、性别、出生日期、身份证件号码、住所、通讯地址和联系电话',
  // 第二十九条第一款第（一）项: the employer's particulars
  RESPONDENT_DETAILS:
    '被申请人（用人单位）的名称、住所、通讯地址、联系电话和法定代表人或者主要负责人的姓名、职务',
  // 第二十九条第一款第（二）项
  CLAIMS_AND_GROUNDS: '仲裁请求和所根据的事实、理由',
  // 第二十九条第一款第（三）项
  EVIDENCE: '证据和证据来源、证人姓名和住所',
  // 第二十九条第一款: 按照被申请人人数提交副本
  COPIES: '按照被申请人人数提交的仲裁申请书副本',
  // 第二十九条第三款: 经申请人签名、盖章或者捺印确认
  SIGNATURE: '申请人签名、盖章或者捺印确认',
  // Anything else the commission names in the note.
  OTHER: '其他需要补正的材料（见说明）',
} as const;
export type CorrectionItem = keyof typeof CORRECTION_ITEMS;
export const CORRECTION_ITEM_CODES = Object.keys(CORRECTION_ITEMS) as CorrectionItem[];

/** 办案规则 第二十九条第四款, as the notice and the timeline cite it. */
export const CORRECTION_BASIS = '劳动人事争议仲裁办案规则 第二十九条第四款（一次性告知需要补正的全部材料）';

/** Why the acceptance period waits, and why it runs anew (办案规则 第二十九条第四款, 第三十条). */
export const ARBITRATION_CORRECTION_PAUSE_REASON =
  '等待申请人补正仲裁申请材料（劳动人事争议仲裁办案规则 第二十九条第四款）';
export const ARBITRATION_CORRECTION_RESTART_REASON =
  '收到补正后的仲裁申请，受理期限重新计算（劳动人事争议仲裁办案规则 第二十九条第四款、第三十条）';

/** What the case keeps of its one 补正: the request and, once supplied, the answers. */
export interface CorrectionRecord {
  requestedOn: string;
  /** The last day of the applicant's period (ARBITRATION_CORRECTION, a platform rule: a late completion is taken). */
  dueOn: string;
  items: { code: CorrectionItem; label: string }[];
  note: string | null;
  suppliedOn: string | null;
  answers: { item: CorrectionItem; text: string }[] | null;
}

/** The items with their words, in the order of 第二十九条, each once. */
export function correctionItems(codes: readonly CorrectionItem[]): CorrectionRecord['items'] {
  return CORRECTION_ITEM_CODES.filter((c) => codes.includes(c)).map((code) => ({
    code,
    label: CORRECTION_ITEMS[code],
  }));
}

/** The items as one line of the notice: 、-joined, the note after OTHER. */
export function correctionSummary(r: Pick<CorrectionRecord, 'items' | 'note'>): string {
  const words = r.items.map((i) => (i.code === 'OTHER' ? '其他材料' : i.label)).join('；');
  return r.note ? `${words}。说明：${r.note}` : words;
}

/**
 * Why a 补正 may not be asked now, or null. Once only (一次性告知: a second request is refused), and within the five
 * working days of receipt (当场或者在五日内): while the acceptance period runs and has not passed. A request after it
 * would hide the commission's lateness (a restarted period reads as never late) from the worker, who may then sue
 * (调解仲裁法 第二十九条), and from the KPIs.
 */
export function correctionRefusal(
  earlier: CorrectionRecord | null,
  acceptance: Pick<ClockView, 'state' | 'due'> | undefined,
  today: string,
):
  | { code: 'ARBITRATION_CORRECTION_ALREADY_REQUESTED' }
  | { code: 'ARBITRATION_CORRECTION_TOO_LATE'; lastDay: string | null }
  | null {
  if (earlier) return { code: 'ARBITRATION_CORRECTION_ALREADY_REQUESTED' };
  if (!acceptance || acceptance.state !== 'RUNNING' || acceptance.due === null || today > acceptance.due)
    return { code: 'ARBITRATION_CORRECTION_TOO_LATE', lastDay: acceptance?.due ?? null };
  return null;
}

/** What is wrong with the answers to a request: each asked item answered once, nothing not asked. Field paths. */
export function answerErrors(
  asked: readonly CorrectionItem[],
  answers: readonly { item: string }[],
): { field: string; kind: 'NOT_ASKED' | 'TWICE' | 'UNANSWERED'; items?: CorrectionItem[] }[] {
  const errors: { field: string; kind: 'NOT_ASKED' | 'TWICE' | 'UNANSWERED'; items?: CorrectionItem[] }[] =
    [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!(asked as readonly string[]).includes(a.item))
      errors.push({ field: `answers[${i}].item`, kind: 'NOT_ASKED' });
    else if (seen.has(a.item)) errors.push({ field: `answers[${i}].item`, kind: 'TWICE' });
    seen.add(a.item);
  });
  const unanswered = asked.filter((c) => !seen.has(c));
  if (unanswered.length) errors.push({ field: 'answers', kind: 'UNANSWERED', items: unanswered });
  return errors;
}
