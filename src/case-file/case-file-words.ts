import type { ArbitrationStatus } from '../arbitration/arbitration.constants';
import { ARBITRATION_OPEN_STATUSES } from '../arbitration/arbitration.state';
import { formatYuan } from '../common/money';
import type { ComplaintStatus } from '../complaints/complaint.constants';
import type { InspectionClosureType, InspectionStatus } from '../inspection/inspection.constants';
import { referralSentence } from '../inspection/inspection.rules';
import {
  AGREEMENT_STATUSES,
  directApplicationStep,
  type MediationStatus,
} from '../mediation/mediation.state';
import { PROVISIONAL_NOTE, UNSERVED_AWARD_NOTE } from './plain-deadline';

/**
 * The worker's case file in plain zh-CN: what each status means and what the worker can do next (the timeline's event
 * labels: timeline-words.ts). Pure data and small functions; the texts are the platform's, the periods cite the law.
 */

export type Proceeding = 'COMPLAINT' | 'MEDIATION' | 'ARBITRATION' | 'INSPECTION';

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  SUBMITTED: '已提交，等待受理审查',
  CORRECTION_REQUESTED: '需要补正材料',
  // Passed by intake, not 受理: that is the competent body's (若干规定 第十八条; 调解仲裁法 第二十九条), as the SMS says.
  ACCEPTED: '已通过初步审查，待转交办理机构',
  REJECTED: '不予受理',
  ROUTED: '已转交办理机构',
  WITHDRAWN: '已撤回',
};

export const MEDIATION_STATUS_LABELS: Readonly<Record<MediationStatus, string>> = {
  OPEN: '调解中',
  AGREEMENT: '已达成调解协议',
  FAILED: '调解不成',
  WITHDRAWN: '调解已撤回',
  EXPIRED: '调解期限届满未达成协议',
};

export const ARBITRATION_STATUS_LABELS: Readonly<Record<ArbitrationStatus, string>> = {
  APPLIED: '仲裁申请已提交，等待受理',
  CORRECTION_REQUESTED: '仲裁申请需要补正材料',
  ACCEPTED: '仲裁已受理',
  NOT_ACCEPTED: '仲裁不予受理',
  TRIBUNAL_FORMED: '仲裁庭已组成',
  HEARING_SCHEDULED: '已安排开庭',
  CLOSED: '仲裁案件已结案',
};

/**
 * An inspection case of the worker's file is opened only for a complaint the intake passed and routed
 * (InspectionService.openFromComplaint: ROUTED only; COMPLAINT_TRANSITIONS: ROUTED only from ACCEPTED). The intake's
 * pass is no 受理: RECEIVED waits for the brigade's one decision to accept and open the case (若干规定 第十八条:
 * 依法受理，并于受理之日立案查处), and a refusal then is 不予立案 (as the SMS INSPECTION_REFUSED says).
 */
export const INSPECTION_STATUS_LABELS: Readonly<Record<InspectionStatus, string>> = {
  RECEIVED: '已转交劳动保障监察机构，等待其决定是否受理立案',
  REFUSED: '劳动保障监察机构经审查不予立案',
  INVESTIGATING: '劳动保障监察已立案调查',
  RECTIFICATION_ORDERED: '已责令用人单位改正',
  PENALTY_NOTICED: '已告知用人单位拟作出行政处罚',
  PENALTY_DECIDED: '已作出行政处罚决定',
  CLOSED: '劳动保障监察已结案',
};

const STATUS_LABELS: Readonly<Record<Proceeding, Readonly<Record<string, string>>>> = {
  COMPLAINT: COMPLAINT_STATUS_LABELS,
  MEDIATION: MEDIATION_STATUS_LABELS,
  ARBITRATION: ARBITRATION_STATUS_LABELS,
  INSPECTION: INSPECTION_STATUS_LABELS,
};

/** The status in words; the code itself for a status this version does not know. */
export function statusLabel(proceeding: Proceeding, status: string): string {
  const labels = STATUS_LABELS[proceeding];
  return Object.hasOwn(labels, status) ? labels[status] : status;
}

/** What the worker should know or do next, per proceeding and status. */
export interface NextStepFacts {
  /** arbitration: every claim final (一裁终局, 调解仲裁法 第四十七条) */
  finalAward?: boolean | null;
  closureType?: string | null;
  rejectionReason?: string | null;
  suitDeadline?: string | null;
  /** arbitration: the suit deadline was counted through a year whose holiday schedule is not loaded (暂定) */
  suitDeadlineProvisional?: boolean;
  /** arbitration: a document of the award is not served yet, so its suit window has not started (暂定) */
  awardUnserved?: boolean;
  /** mediation: the last day of a period extended by the parties' agreement (plain-deadline.ts extendedDue), else null */
  mediationExtendedTo?: string | null;
  /** inspection: the last day of an investigation extended with the head's approval (extendedDue), else null */
  investigationExtendedTo?: string | null;
  /** inspection: that day was counted through a year whose holiday schedule is not loaded (暂定) */
  investigationExtendedToProvisional?: boolean;
  /** mediation: that day was counted through a year whose holiday schedule is not loaded (暂定) */
  mediationExtendedToProvisional?: boolean;
  /** mediation: the agreement's performance status */
  agreementStatus?: string | null;
  /**
   * a collective dispute's member who does not apply for the group (调解仲裁法 第七条: its elected representatives do;
   * CollectiveService.workerActsFor), so no one-tap escalation or direct application is theirs, and a next step that
   * names arbitration (a mediation's, a complaint's never mediated, an inspection's closing) names who applies
   */
  appliedByRepresentatives?: boolean;
  /** arbitration: the commission let its acceptance or award period pass (ACCEPTANCE_OVERDUE / AWARD_OVERDUE) */
  courtOptionReason?: string | null;
  /** arbitration: the last day of the applicant's period to complete the application (补正), null when none asked */
  correctionDueOn?: string | null;
  /** arbitration: a hearing is still to be held (scheduled, not held, postponed or cancelled) */
  hearingAhead?: boolean | null;
  /** complaint: routed to mediation, its 15 days from the routing ran out with no case opened (MEDIATION_NOT_OPENED) */
  mediationNotOpened?: boolean;
  /** inspection: how the case closed (INSPECTION_CLOSURE_LABELS) */
  inspectionClosure?: string | null;
  /** inspection: MERGED, the number of the case it went into (并案) */
  mergedIntoCaseNo?: string | null;
  /** inspection: the deadline of the last order to rectify (责令改正), null when no order was made */
  rectifyDueOn?: string | null;
  /** inspection: where a refusal told the worker to turn instead (若干规定 第十八条第四款) */
  refusalReferTo?: string | null;
  /** inspection: the last day of the period to open the case (立案) not yet opened (same-period.ts filingDue) */
  filingDueOn?: string | null;
  /** inspection: that day was counted through a year whose holiday schedule is not loaded (暂定) */
  filingDueOnProvisional?: boolean;
  /** arbitration: payments recorded on the mediation agreement it was escalated from while it was open */
  sourceAgreementPayments?: readonly { amountFen: number; paidOn: string }[];
}

/** Who applies for arbitration from a mediation that did not settle the dispute, the worker or the group's representatives. */
const escalateWords = (f: NextStepFacts) =>
  f.appliedByRepresentatives ? '集体争议推举的代表可以一键申请劳动争议仲裁' : '您可以一键申请劳动争议仲裁';

/** 调解仲裁法 第二十七条: the year to apply (interrupted, not stopped, by the mediation); told when a mediation ends unagreed. */
const LIMITATION_NOTE = '申请仲裁的时效期间一般为一年（劳动争议调解仲裁法 第二十七条），请尽早申请。';

/** 行政复议法、行政诉讼法: how to contest a refusal to take up a complaint (the words of the refusal SMS). */
const REFUSAL_REMEDIES =
  '如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。';

/** Who may apply for arbitration directly (a mediation withdrawn or never opened), the worker or the group's representatives. */
const applyWords = (f: NextStepFacts) =>
  f.appliedByRepresentatives ? '集体争议推举的代表可以依法申请劳动争议仲裁' : '您可以依法申请劳动争议仲裁';

/**
 * An open mediation is voluntary (调解仲裁法 第五条: 不愿调解的，可以向劳动争议仲裁委员会申请仲裁): who may apply instead,
 * the worker or the group's representatives, and that the application ends the mediation (directApplicationStep).
 */
const leaveMediationWords = (f: NextStepFacts) =>
  f.appliedByRepresentatives
    ? '如不愿继续调解，集体争议推举的代表可以直接申请劳动争议仲裁；申请后，本次调解即结束。'
    : '如您不愿继续调解，可以直接申请劳动争议仲裁；申请后，本次调解即结束。';

/** After an inspection's outcome contested by 行政复议 or 行政诉讼: the dispute may still go to arbitration, by whom. */
const alsoArbitration = (f: NextStepFacts) =>
  f.appliedByRepresentatives
    ? '劳动争议可以由集体争议推举的代表依法申请仲裁'
    : '您的劳动争议也可以依法申请仲裁';

/**
 * 调解仲裁法 第五条: the worker's own claim may still go to arbitration whatever an inspection found (a collective
 * dispute's, by who acts for the group: 第七条); an inspection's outcome is contested by 行政复议 or 行政诉讼
 * (行政诉讼法 第四十六条).
 */
const INSPECTION_CLOSED_STEPS: Readonly<Record<InspectionClosureType, (f: NextStepFacts) => string>> = {
  RECTIFIED: (f) => `用人单位已按要求改正，案件办结。如仍有未解决的劳动争议，${applyWords(f)}。`,
  PENALISED: (f) =>
    `已对用人单位作出行政处理（处罚）决定，案件办结。工资等仍未足额支付的，${applyWords(f)}。`,
  NO_VIOLATION: (f) =>
    `经调查未发现违法行为，案件办结。如不服，可以依法申请行政复议或者提起行政诉讼；${alsoArbitration(f)}。`,
  REVOKED: (f) => `案件已撤销立案。如不服，可以依法申请行政复议或者提起行政诉讼；${alsoArbitration(f)}。`,
  TRANSFERRED: (f) =>
    `用人单位涉嫌拒不支付劳动报酬罪，已移送公安机关；${
      f.appliedByRepresentatives
        ? '集体争议推举的代表也可以依法申请劳动争议仲裁追讨工资'
        : '您也可以依法申请劳动争议仲裁追讨工资'
    }。`,
  MERGED: (f) =>
    f.mergedIntoCaseNo
      ? `案件已并入案号${f.mergedIntoCaseNo}的监察案件办理，请以该案号查询办理进度，并留意短信和消息通知。`
      : '案件已并入其他案件办理，请留意短信和消息通知。',
};

/** The texts of the next step; a function where the text depends on the facts. */
const NEXT_STEPS: {
  readonly [P in Proceeding]: Readonly<Record<string, string | ((f: NextStepFacts) => string)>>;
} = {
  COMPLAINT: {
    // 关于实施《劳动保障监察条例》若干规定 第十八条: 5 个工作日内决定是否受理
    SUBMITTED: '我们将在5个工作日内决定是否受理，请留意短信和消息。',
    // 若干规定 第十八条第三款: 补正
    CORRECTION_REQUESTED: '请按通知补正材料后重新提交；补正后重新计算受理期限。',
    // 若干规定 第十八条 (受理 and 立案: the brigade's), 调解仲裁法 第二十九条 (受理: the commission's): intake only passes it on.
    ACCEPTED:
      '投诉已通过初步审查，将转交有管辖权的调解组织、劳动争议仲裁委员会或劳动保障监察机构，由该机构依法决定是否受理并告知您。',
    REJECTED: '投诉未被受理，不予受理的理由和可以求助的机构见通知；如有新的事实可以重新投诉。',
    // 调解仲裁法 第十四条第三款: 十五日内未达成调解协议（未开始调解亦然）的，当事人可以依法申请仲裁
    ROUTED: (f) =>
      f.mediationNotOpened
        ? `调解组织自收到之日起15日内未开始调解，${applyWords(f)}。`
        : '案件已转交办理机构，请等待该机构联系您。',
    WITHDRAWN: '您已撤回投诉，案件结束。',
  },
  MEDIATION: {
    // 调解仲裁法 第十四条: 自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁
    // 参照 企业劳动争议协商调解规定 第二十七条: extended only when both parties agree (mediation-period.rules.ts).
    OPEN: (f) =>
      (f.mediationExtendedTo
        ? `调解员将与您和用人单位联系并安排调解；经双方当事人同意，调解期限已延长至${f.mediationExtendedTo}（含当日）${
            f.mediationExtendedToProvisional ? PROVISIONAL_NOTE : ''
          }。`
        : '调解员将与您和用人单位联系并安排调解；调解期限为15日。') + leaveMediationWords(f),
    AGREEMENT: (f) =>
      f.agreementStatus === 'DEFAULTED'
        ? // 调解仲裁法 第十五条: 达成调解协议后，一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁
          `用人单位未按调解协议付款，${escalateWords(f)}。`
        : f.agreementStatus === 'PERFORMED'
          ? '调解协议已全部履行，案件结束。'
          : f.appliedByRepresentatives
            ? '请按调解协议的付款日期留意用人单位付款；逾期未付的，集体争议推举的代表可以申请仲裁。'
            : '请按调解协议的付款日期留意用人单位付款；逾期未付可以申请仲裁。',
    // 调解仲裁法 第十四条第三款: 调解不成的，当事人可以依法申请仲裁
    FAILED: (f) => `调解不成，${escalateWords(f)}。${LIMITATION_NOTE}`,
    // 调解仲裁法 第五条: 不愿调解 … 可以向劳动争议仲裁委员会申请仲裁
    WITHDRAWN: (f) =>
      f.appliedByRepresentatives
        ? `调解已撤回。${applyWords(f)}。`
        : '调解已撤回。您仍可以依法申请劳动争议仲裁。',
    // 调解仲裁法 第十四条第三款: 十五日内未达成调解协议的，当事人可以依法申请仲裁
    EXPIRED: (f) => `调解期限已届满，${escalateWords(f)}。${LIMITATION_NOTE}`,
  },
  ARBITRATION: {
    // 调解仲裁法 第二十九条: 收到仲裁申请之日起五日内决定是否受理
    APPLIED: '仲裁委员会将在5个工作日内决定是否受理。',
    // 办案规则 第二十九条第四款: 一次性告知需要补正的全部材料; the acceptance period counts from the completed application.
    CORRECTION_REQUESTED: (f) =>
      `请按仲裁委员会的补正通知补充材料${
        f.correctionDueOn ? `，最迟于${f.correctionDueOn}（含当日）提交（逾期补正的仍可提交）` : ''
      }；补正后，仲裁委员会自收到之日起5个工作日内决定是否受理。`,
    ACCEPTED: '仲裁已受理，仲裁委员会将组成仲裁庭并通知您开庭时间。',
    // 调解仲裁法 第二十九条: 不予受理的，书面通知申请人并说明理由 (rejectionReason); 申请人可以就该劳动争议事项向人民法院提起诉讼
    NOT_ACCEPTED: (f) =>
      `仲裁委员会决定不予受理${f.rejectionReason ? `（理由：${f.rejectionReason}）` : ''}，您可以就该争议向人民法院提起诉讼。`,
    TRIBUNAL_FORMED: '仲裁庭已组成，请等待开庭通知。',
    // 调解仲裁法 第三十五条: 当事人有正当理由的，可以在开庭三日前请求延期开庭 (办案规则 第八十条: 三日 = 工作日).
    // The status stays HEARING_SCHEDULED once the hearing is recorded, until the award.
    HEARING_SCHEDULED: (f) =>
      f.hearingAhead === false
        ? '仲裁庭已开庭审理，请等待仲裁庭作出裁决。'
        : '请按开庭通知按时到庭；有正当理由的，可以在开庭3个工作日前申请延期。',
    CLOSED: (f) => {
      if (f.closureType !== 'AWARD')
        return f.closureType === 'MEDIATED' ? '仲裁调解书已生效，案件结束。' : '仲裁案件已结案。';
      // 调解仲裁法 第四十八条（终局裁决：劳动者可起诉）、第五十条（非终局裁决：双方均可起诉）: 十五日内
      // The date is the last day still in time: 'X前' could be read as the day before it.
      // A date that may still move says so as the deadline list does (plain-deadline.ts).
      const note = `${f.awardUnserved ? UNSERVED_AWARD_NOTE : ''}${f.suitDeadlineProvisional ? PROVISIONAL_NOTE : ''}`;
      const by = f.suitDeadline ? `最迟于${f.suitDeadline}（含当日）${note}` : '在收到裁决书之日起15日内';
      return f.finalAward
        ? `已作出终局裁决。如不服，您可以${by}向人民法院提起诉讼；用人单位逾期不履行的，您可以申请强制执行。`
        : `已作出裁决。如不服，您可以${by}向人民法院提起诉讼；期满不起诉的，裁决书发生法律效力。`;
    },
  },
  INSPECTION: {
    // 若干规定 第十八条: 接到投诉之日起5个工作日内依法受理，并于受理之日立案查处 (the brigade's one decision).
    RECEIVED: (f) =>
      `投诉已转交劳动保障监察机构，由其依法决定是否受理立案。依法应自收到投诉之日起5个工作日内作出决定${
        f.filingDueOn
          ? `，最迟于${f.filingDueOn}（含当日）${f.filingDueOnProvisional ? PROVISIONAL_NOTE : ''}`
          : ''
      }；立案后一般在60个工作日内调查完毕。`,
    // 若干规定 第十八条第四款: a refusal as outside the brigade's remit or district names where to turn instead.
    // 若干规定 第十八条: the refusal is told with its remedies, as the INSPECTION_REFUSED SMS names them.
    REFUSED: (f) =>
      `劳动保障监察机构经审查决定不予立案，理由见通知。${referralSentence(f.refusalReferTo ?? null)}${REFUSAL_REMEDIES}`,
    // 劳动保障监察条例 第十七条: 立案之日起60个工作日内完成调查; 情况复杂的，经负责人批准，可以延长30个工作日
    INVESTIGATING: (f) =>
      f.investigationExtendedTo
        ? `案件情况复杂，经批准延长调查期限，最迟应于${f.investigationExtendedTo}（含当日）调查完毕${
            f.investigationExtendedToProvisional ? PROVISIONAL_NOTE : ''
          }。`
        : '案件正在调查，一般在立案后60个工作日内办结。',
    RECTIFICATION_ORDERED: '已责令用人单位限期改正，请留意改正结果。',
    PENALTY_NOTICED: '正在对用人单位作出行政处罚。',
    // 行政处罚法 第二十八条 asks for an order to correct with a penalty, but only an order on record (ORDER_RECTIFY) is told.
    PENALTY_DECIDED: (f) =>
      f.rectifyDueOn
        ? `已对用人单位作出行政处罚决定，并已责令其最迟于${f.rectifyDueOn}（含当日）改正。`
        : '已对用人单位作出行政处罚决定。',
    CLOSED: (f) =>
      f.inspectionClosure && Object.hasOwn(INSPECTION_CLOSED_STEPS, f.inspectionClosure)
        ? INSPECTION_CLOSED_STEPS[f.inspectionClosure as InspectionClosureType](f)
        : '劳动保障监察案件已办结，处理结果见通知。',
  },
};

/**
 * 调解仲裁法 第四十一条 (自行和解 … 可以撤回仲裁申请): the agreement whose default an open application claims was paid
 * since; the application stays hers to withdraw, and the tribunal weighs the payment.
 */
function sourcePaidWords(payments: NextStepFacts['sourceAgreementPayments']): string {
  if (!payments?.length) return '';
  const total = formatYuan(payments.reduce((sum, p) => sum + p.amountFen, 0));
  const last = payments
    .map((p) => p.paidOn)
    .sort()
    .at(-1)!;
  const paid =
    payments.length === 1
      ? `用人单位已于${last}按调解协议支付${total}`
      : `用人单位已按调解协议支付${total}（最近一笔于${last}）`;
  return `${paid}，仲裁委员会已获告知；如您的请求已全部得到支付，您可以向仲裁委员会申请撤回仲裁申请。`;
}

/** The plain-language next step for a proceeding's status (a generic text for an unknown status). */
export function nextStep(proceeding: Proceeding, status: string, facts: NextStepFacts = {}): string {
  const open =
    proceeding === 'ARBITRATION' && (ARBITRATION_OPEN_STATUSES as readonly string[]).includes(status);
  return stepWords(proceeding, status, facts) + (open ? sourcePaidWords(facts.sourceAgreementPayments) : '');
}

function stepWords(proceeding: Proceeding, status: string, facts: NextStepFacts): string {
  // 调解仲裁法 第二十九条、第四十三条: 逾期未作出受理决定或仲裁裁决的，可以就该劳动争议事项向人民法院提起诉讼
  if (
    proceeding === 'ARBITRATION' &&
    facts.courtOptionReason &&
    status !== 'CLOSED' &&
    status !== 'NOT_ACCEPTED'
  )
    return facts.courtOptionReason === 'ACCEPTANCE_OVERDUE'
      ? '仲裁委员会未在法定期限内作出是否受理的决定，您可以向人民法院提起诉讼，也可以继续等待仲裁。'
      : '仲裁委员会未在法定期限内作出裁决，您可以向人民法院提起诉讼，也可以继续等待仲裁。';
  const steps = NEXT_STEPS[proceeding];
  if (!Object.hasOwn(steps, status)) return '请留意短信和消息通知。';
  const s = steps[status];
  return typeof s === 'function' ? s(facts) : s;
}

/** Whether the worker can escalate to arbitration in one tap (POST /api/v1/mediation/:id/escalate). */
export function canEscalate(mediationStatus: string, agreementStatus: string | null): boolean {
  return (
    mediationStatus === 'FAILED' ||
    mediationStatus === 'EXPIRED' ||
    (mediationStatus === 'AGREEMENT' && agreementStatus === 'DEFAULTED')
  );
}

/**
 * Whether the worker applies for arbitration directly (POST /api/v1/arbitration/cases) from the mediation at this
 * status: a withdrawn one, or one still open, which the application ends (调解仲裁法 第五条: 不愿调解的，可以申请仲裁;
 * directApplicationStep WITHDRAW_MEDIATION); never beside an agreement (409 MEDIATION_AGREEMENT_IN_FORCE), nor after a
 * failure or expiry, which the one-tap escalation takes (canEscalate).
 */
export function appliesDirectlyFromMediation(
  mediationStatus: MediationStatus,
  agreementStatus: string | null,
): boolean {
  const agreement = AGREEMENT_STATUSES.find((s) => s === agreementStatus) ?? null;
  return (
    mediationStatus === 'WITHDRAWN' ||
    directApplicationStep(mediationStatus, agreement) === 'WITHDRAW_MEDIATION'
  );
}
