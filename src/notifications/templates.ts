/**
 * Every party-facing message text of the platform, in one reviewable zh-CN catalogue.
 *
 * Adding a message is one entry here: its channel, who receives it, the text with `{variable}` placeholders and
 * the variables in the order a provider with positional parameters (Tencent Cloud `{1}`, `{2}`…) numbers them.
 * `templates.spec.ts` renders every entry. An SMS template must also be registered with the SMS provider and
 * listed in `SMS_TEMPLATE_IDS` (checked at start-up for aliyun / tencent). The provider adds the signature
 * (【…】), so texts carry none. Variables never hold a name, ID number or phone number.
 */
import { shanghaiDateTime } from '../calendar/local-date';
import { formatYuan } from '../common/money';
import { ARBITRATION_TEMPLATES } from './arbitration-templates';
import { CASE_MESSAGE_TEMPLATES } from './case-message-templates';
import { INSPECTION_EMPLOYER_TEMPLATES } from './inspection-templates';
import { MEDIATION_TEMPLATES } from './mediation-templates';
import { REPORT_CHANNEL_TEMPLATES } from './report-templates';
import { STAFF_WORK_ITEM_TEMPLATES } from './staff-templates';

/** How a variable's value (always a string in job payloads) is written into the text. */
export type TemplateVar =
  /** free text, as given */
  | 'text'
  /** free text cut to 60 characters (…): a reason staff wrote, in full in the case's view */
  | 'excerpt'
  /** a digit code (sign-in code) */
  | 'code'
  /** a whole number */
  | 'int'
  /** a legal date, YYYY-MM-DD (already an Asia/Shanghai calendar date) */
  | 'date'
  /** an instant (ISO 8601), written as its Asia/Shanghai date and time, YYYY-MM-DD HH:mm */
  | 'datetime'
  /** integer fen, written as yuan (12500.00元) */
  | 'fen'
  /** a code written as its label */
  | { labels: Readonly<Record<string, string>> };

export interface TemplateDef {
  /** SMS to a phone, IN_APP to a user's inbox, CASE_CHANNEL a message on a report's or complaint's channel. */
  channel: 'SMS' | 'IN_APP' | 'CASE_CHANNEL';
  /** who reads it */
  audience: 'WORKER' | 'EMPLOYER' | 'STAFF' | 'REPORTER' | 'ANYONE';
  text: string;
  vars: Readonly<Record<string, TemplateVar>>;
}

export const INSPECTION_CLOSURE_LABELS = {
  RECTIFIED: '用人单位已改正',
  PENALISED: '已作出行政处理（处罚）决定',
  TRANSFERRED: '涉嫌犯罪，已移送公安机关',
  NO_VIOLATION: '经调查未发现违法行为',
  REVOKED: '撤销立案',
  MERGED: '并入其他案件办理',
} as const;

/** What staff corrected in a worker's recorded identity, as she reads it. */
export const IDENTITY_FIELD_LABELS = {
  REAL_NAME: '姓名',
  ID_NUMBER: '身份证号码',
  BOTH: '姓名和身份证号码',
} as const;

/** The proceeding a complaint was routed to, as the complainant reads it. */
const ROUTE_LABELS = {
  MEDIATION: '调解',
  ARBITRATION: '劳动争议仲裁',
  INSPECTION: '劳动保障监察',
} as const;

export const TEMPLATES = {
  // ── sign-in ──────────────────────────────────────────────────────────────────────────────────────────────
  OTP_SIGN_IN: {
    channel: 'SMS',
    audience: 'ANYONE',
    text: '您的登录验证码为{code}，{minutes}分钟内有效。工作人员不会向您索取验证码，请勿告知他人。',
    vars: { code: 'code', minutes: 'int' },
  },

  // ── worker accounts ──────────────────────────────────────────────────────────────────────────────────────
  // Staff corrected the account's recorded identity (workers/identity-correction.service.ts): a change its owner did
  // not make herself is told to her phone, without the values (platform rule, no statute).
  IDENTITY_CORRECTED_BY_STAFF: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '工作人员已于{correctedAt}更正您账号登记的{fields}。如非本人申请，请及时拨打12333或到服务窗口反映。',
    vars: { correctedAt: 'datetime', fields: { labels: IDENTITY_FIELD_LABELS } },
  },

  // ── complaints (投诉) and reports (举报) ────────────────────────────────────────────────────────────────
  COMPLAINT_RECEIVED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: the decision on acceptance within 5 working days.
    text: '您的投诉已收到，编号{trackingNo}。我们将在5个工作日内决定是否受理，并以短信告知。',
    vars: { trackingNo: 'text' },
  },
  COMPLAINT_ACCEPTED: {
    channel: 'SMS',
    audience: 'WORKER',
    // Intake passes it on; 受理 is the competent body's (若干规定 第十八条: 受理 and 立案 one decision; 调解仲裁法 第二十九条).
    text: '您的投诉（编号{trackingNo}）已通过初步审查，将转交有管辖权的办理机构，由该机构依法决定是否受理并以短信告知您。',
    vars: { trackingNo: 'text' },
  },
  COMPLAINT_REJECTED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: a refusal is told with its reason; and how to contest it, as the inspection's refusal.
    text: '您的投诉（编号{trackingNo}）不予受理。理由：{reason}；依据：{legalBasis}。如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。如有疑问请咨询12333。',
    vars: { trackingNo: 'text', reason: 'text', legalBasis: 'text' },
  },
  COMPLAINT_CORRECTION_REQUESTED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: a complaint without an identifiable employer is completed (补正), not refused.
    // The period is the platform's (COMPLAINT_CORRECTION), not the law's: a late completion is still taken.
    text: '您的投诉（编号{trackingNo}）需要补正：{missing}。请最迟于{dueOn}（含当日）补充后重新提交（逾期补充的仍可提交）；补正依据：{legalBasis}。',
    vars: { trackingNo: 'text', missing: 'text', dueOn: 'date', legalBasis: 'text' },
  },
  COMPLAINT_WITHDRAWN: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）已撤回，本案办理终结。如需再次投诉，可重新提交。',
    vars: { trackingNo: 'text' },
  },
  // A member taken out of the collective dispute's case on request (CollectiveMembersService.remove).
  COLLECTIVE_MEMBER_REMOVED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）已根据您的申请退出集体劳动争议的集体调解或仲裁案件，该案件不再代为主张您的请求。您可以撤回投诉，或单独依法主张权利。',
    vars: { trackingNo: 'text' },
  },
  // Withdrawn by staff on the complainant's request (withdrawal.rules.ts REQUEST_CHANNELS): a worker who asked nothing
  // learns it here and may file again.
  COMPLAINT_WITHDRAWN_ON_REQUEST: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）已根据您以{channel}方式提出的要求撤回，本案办理终结。如非本人意愿或需再次投诉，可重新提交。',
    vars: { trackingNo: 'text', channel: 'text' },
  },
  COMPLAINT_NOT_ACCEPTED_NOTICE: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: matters outside inspection are not refused in writing; the complainant is told where to go.
    // Neutral on why: the same notice tells of a duplicate merged into another case, or a dispute already in
    // mediation, arbitration or court (监察条例 第二十一条第二款), which are not outside this body's remit.
    text: '您的投诉（编号{trackingNo}）未予受理，告知如下：{reason}；依据：{legalBasis}。{referral}如有疑问请咨询12333。',
    vars: { trackingNo: 'text', reason: 'text', legalBasis: 'text', referral: 'text' },
  },
  ...CASE_MESSAGE_TEMPLATES, // case-message-templates.ts: a staff reply on the complaint's thread
  REPORT_RECEIVED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '已收到您的举报（编号 {trackingNo}）。我们将依法核查处理，并在此答复；请保存好编号和查询码。',
    vars: { trackingNo: 'text' },
  },

  // ── mediation (调解) ─────────────────────────────────────────────────────────────────────────────────────
  ...MEDIATION_TEMPLATES, // mediation-templates.ts
  // ── arbitration (仲裁) ───────────────────────────────────────────────────────────────────────────────────
  ...ARBITRATION_TEMPLATES, // arbitration-templates.ts
  // ── labor-security inspection (劳动保障监察) ─────────────────────────────────────────────────────────────
  INSPECTION_ACCEPTED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您的投诉（编号{trackingNo}）已于{acceptedOn}由劳动保障监察机构立案，案号{caseNo}。',
    vars: { trackingNo: 'text', acceptedOn: 'date', caseNo: 'text' },
  },
  INSPECTION_REFUSED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: a refusal is told with its reason; and how to contest it (the 不予受理告知书's remedies).
    // 若干规定 第十八条第四款: {referral} names where to turn instead ('' when the reason needs none).
    text: '您的投诉（编号{trackingNo}）经审查不予立案。理由：{reason}。{referral}如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。',
    vars: { trackingNo: 'text', reason: 'text', referral: 'text' },
  },
  // 劳动保障监察条例 第十七条: 情况复杂的，经劳动保障行政部门负责人批准，可以延长30个工作日 — the new last day, once per extension.
  INSPECTION_PERIOD_EXTENDED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）情况复杂，经负责人批准延长调查期限，最迟应于{due}（含当日）调查完毕。',
    vars: { caseNo: 'text', due: 'date' },
  },
  // The same, for a last day counted through a year whose holiday schedule is not loaded (as the case file marks it).
  INSPECTION_PERIOD_EXTENDED_PROVISIONAL: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）情况复杂，经负责人批准延长调查期限，最迟应于{due}（含当日）调查完毕（暂定，待公布该年节假日安排后确认）。',
    vars: { caseNo: 'text', due: 'date' },
  },
  INSPECTION_CLOSED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）已结案：{closureType}。',
    vars: { caseNo: 'text', closureType: { labels: INSPECTION_CLOSURE_LABELS } },
  },

  // A case merged into another (并案): the number of the case that goes on with the matter, to follow it there.
  INSPECTION_MERGED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）已结案：并入案号{mergedIntoCaseNo}的监察案件办理，请以该案号查询办理进度。',
    vars: { caseNo: 'text', mergedIntoCaseNo: 'text' },
  },

  // ── staff inbox ──────────────────────────────────────────────────────────────────────────────────────────
  RISK_RED_UNACKNOWLEDGED: {
    channel: 'IN_APP',
    audience: 'STAFF',
    // RED_ACKNOWLEDGE_WITHIN_MS (risk.rules.ts); in-app-messages.spec.ts checks the number of hours.
    text: '红色预警超过2小时未签收',
    vars: {},
  },
  RISK_RED_IN_HANDLING: {
    channel: 'IN_APP',
    audience: 'STAFF',
    // A warning already acknowledged (or being handled) turned RED: the 2-hour escalation covers NEW ones only.
    text: '已签收的预警升为红色',
    vars: {},
  },

  // ── party messages added for issue 14 (deliverable 6) ────────────────────────────────────────────────────
  COMPLAINT_ROUTED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 若干规定 第十八条: the complainant is told where the matter goes (the body by name).
    text: '您的投诉（编号{trackingNo}）已转{organisation}通过{route}程序办理，后续进展将以短信告知。',
    vars: { trackingNo: 'text', organisation: 'text', route: { labels: ROUTE_LABELS } },
  },
  REPORT_ROUTED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您的举报（编号 {trackingNo}）已转{organisation}核查处理，处理结果将在此答复。',
    vars: { trackingNo: 'text', organisation: 'text' },
  },
  ARBITRATION_FINAL_AWARD_ISSUED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第四十七至四十九条: a final award; the worker may sue within 15 days, the employer may apply to the
    // intermediate court to set it aside within 30 days of receiving it.
    text: '您的仲裁案件（案号{caseNo}，投诉编号{trackingNo}）已作出终局裁决。如不服，您可以最迟于{suitDeadline}（含当日）向人民法院提起诉讼；用人单位可最迟于{setAsideDeadline}（含当日）向中级人民法院申请撤销裁决。',
    vars: { caseNo: 'text', trackingNo: 'text', suitDeadline: 'date', setAsideDeadline: 'date' },
  },
  ARBITRATION_CLOSED_WITHOUT_AWARD: {
    channel: 'SMS',
    audience: 'WORKER',
    // 调解仲裁法 第四十一条 (撤回), 第三十六条 (按撤回处理) and termination (终止): the applicant is told how the case ended.
    text: '您的仲裁案件（编号{trackingNo}）{closure}，本案结案。如有疑问请咨询仲裁委员会。',
    vars: {
      trackingNo: 'text',
      closure: {
        labels: {
          WITHDRAWN: '已根据您的申请撤回仲裁申请',
          WITHDRAWN_ABSENT: '因您收到书面开庭通知后无正当理由未到庭，按撤回仲裁申请处理',
          TERMINATED: '已终止审理',
        },
      },
    },
  },
  INSPECTION_RECTIFICATION_ORDERED: {
    channel: 'SMS',
    audience: 'WORKER',
    // 劳动保障监察条例 第十八条第一款第（二）项: 责令改正, with the deadline.
    text: '您投诉的监察案件（案号{caseNo}）已责令用人单位最迟于{complianceDueOn}（含当日）改正，改正情况和处理结果将以短信告知。',
    vars: { caseNo: 'text', complianceDueOn: 'date' },
  },
  // 劳动保障监察条例 第十八条: the 行政处理决定 the brigade made on the complaint; 第二十六条: 加付赔偿金 is the worker's.
  INSPECTION_HANDLING_DECIDED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）已对用人单位作出行政处理决定：{decision}。',
    vars: { caseNo: 'text', decision: 'excerpt' },
  },
  INSPECTION_COMPENSATION_ORDERED: {
    channel: 'SMS',
    audience: 'WORKER',
    text: '您投诉的监察案件（案号{caseNo}）已作出行政处理决定：{decision}；并责令用人单位向劳动者加付赔偿金{amountFen}。',
    vars: { caseNo: 'text', decision: 'excerpt', amountFen: 'fen' },
  },
  ...INSPECTION_EMPLOYER_TEMPLATES, // inspection-templates.ts: the employer's SMS
  REPORT_INSPECTION_ACCEPTED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    // 劳动保障监察条例 第九条: the report is answered, the reporter kept confidential.
    text: '您举报的事项（编号 {trackingNo}）已于{acceptedOn}由劳动保障监察机构立案调查。',
    vars: { trackingNo: 'text', acceptedOn: 'date' },
  },
  REPORT_INSPECTION_CLOSED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）已调查处理完毕：{closureType}。感谢您的举报。',
    vars: { trackingNo: 'text', closureType: { labels: INSPECTION_CLOSURE_LABELS } },
  },
  ...REPORT_CHANNEL_TEMPLATES, // report-templates.ts
  ...STAFF_WORK_ITEM_TEMPLATES, // staff-templates.ts
} as const satisfies Record<string, TemplateDef>;

export type TemplateId = keyof typeof TEMPLATES;
type TemplatesOf<C extends TemplateDef['channel']> = {
  [K in TemplateId]: (typeof TEMPLATES)[K]['channel'] extends C ? K : never;
}[TemplateId];
export type SmsTemplateId = TemplatesOf<'SMS'>;
export type InAppTemplateId = TemplatesOf<'IN_APP'>;
export type CaseChannelTemplateId = TemplatesOf<'CASE_CHANNEL'>;

export function isTemplateId(id: string): id is TemplateId {
  return Object.hasOwn(TEMPLATES, id);
}

export function isSmsTemplateId(id: string): id is SmsTemplateId {
  return isTemplateId(id) && TEMPLATES[id].channel === 'SMS';
}

/** Every SMS template id, in catalogue order (the provider template-id map must cover them all). */
export const SMS_TEMPLATE_IDS = (Object.keys(TEMPLATES) as TemplateId[]).filter(isSmsTemplateId);

/** A message ready to send: its full text and its variables as written into it, in declaration order. */
export interface RenderedMessage {
  template: TemplateId;
  text: string;
  /** name → value as written in the text (a provider with named parameters gets these) */
  params: Record<string, string>;
  /** the same values in declaration order (a provider with positional parameters gets these) */
  ordered: string[];
}

function formatValue(name: string, kind: TemplateVar, raw: string): string {
  if (typeof kind === 'object') return Object.hasOwn(kind.labels, raw) ? kind.labels[raw] : raw;
  switch (kind) {
    case 'text':
    case 'code':
    case 'date':
      return raw;
    case 'excerpt':
      return [...raw].length > 60 ? `${[...raw].slice(0, 59).join('')}…` : raw;
    case 'int':
      if (!/^-?\d+$/.test(raw)) throw new Error(`template variable ${name} is not an integer: ${raw}`);
      return raw;
    case 'fen': {
      if (!/^-?\d{1,15}$/.test(raw))
        throw new Error(`template variable ${name} is not an amount in fen: ${raw}`);
      return formatYuan(Number(raw));
    }
    case 'datetime': {
      const d = new Date(raw);
      if (Number.isNaN(d.getTime())) throw new Error(`template variable ${name} is not an instant: ${raw}`);
      const { date, time } = shanghaiDateTime(d);
      return `${date} ${time}`;
    }
  }
}

/**
 * The text of a template with its variables filled in. Every declared variable must be given (a missing one is a
 * programming error and throws); values the template does not declare are ignored.
 */
export function renderTemplate(id: TemplateId, values: Readonly<Record<string, string>>): RenderedMessage {
  if (!isTemplateId(id)) throw new Error(`unknown message template ${String(id)}`);
  const def: TemplateDef = TEMPLATES[id];
  const params: Record<string, string> = {};
  for (const [name, kind] of Object.entries(def.vars)) {
    const raw = Object.hasOwn(values, name) ? values[name] : undefined;
    if (raw === undefined) throw new Error(`template ${id} needs variable ${name}`);
    params[name] = formatValue(name, kind, raw);
  }
  const text = def.text.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  return { template: id, text, params, ordered: Object.keys(def.vars).map((n) => params[n]) };
}
