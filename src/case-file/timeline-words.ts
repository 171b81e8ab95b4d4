import { ARBITRATION_ACTIONS, type ArbitrationAction } from '../arbitration/arbitration.state';
import { INSPECTION_ACTIONS, type InspectionAction } from '../inspection/inspection.state';

/** A label in plain zh-CN for every event of the worker's timeline (the case file's words: case-file-words.ts). */

const ARBITRATION_ACTION_LABELS: Readonly<Record<ArbitrationAction, string>> = {
  ACCEPT: '仲裁委员会受理仲裁申请',
  REJECT: '仲裁委员会决定不予受理',
  REQUEST_CORRECTION: '仲裁委员会通知补正仲裁申请材料',
  SUPPLY_CORRECTION: '补正仲裁申请材料',
  FORM_TRIBUNAL: '组成仲裁庭',
  REPLACE_ARBITRATOR: '更换仲裁庭组成人员',
  RECORD_RECUSAL_APPLICATION: '当事人申请仲裁员回避',
  DECIDE_RECUSAL: '仲裁委员会对回避申请作出决定',
  SCHEDULE_HEARING: '安排开庭',
  POSTPONE_HEARING: '延期开庭',
  RECORD_HEARING: '开庭审理',
  DECIDE_ON_PAPERS: '决定书面审理',
  RECORD_SERVICE: '向被申请人送达仲裁申请书',
  RECORD_DEFENCE: '收到被申请人答辩书',
  RECORD_DEFENCE_SERVICE: '向申请人送达答辩书',
  ACCEPT_CLAIM_CHANGE: '仲裁庭受理增加、变更的仲裁请求，仲裁期限重新计算',
  REMOVE_MEMBER: '集体争议成员撤回本人仲裁请求，退出集体案件',
  AWARD: '作出仲裁裁决',
  PARTIAL_AWARD: '就部分仲裁请求先行裁决',
  PROVISIONAL_EXECUTION: '裁决先予执行',
  SERVE_AWARD: '送达仲裁裁决书',
  CLOSE: '仲裁案件结案',
};

const INSPECTION_ACTION_LABELS: Readonly<Record<InspectionAction, string>> = {
  ACCEPT: '劳动保障监察受理立案',
  REFUSE: '劳动保障监察不予受理',
  EXTEND: '调查期限延长',
  RECORD_FINDINGS: '记录调查情况',
  INQUIRY_NOTICE: '向用人单位发出询问通知',
  ORDER_RECTIFY: '责令用人单位改正',
  RECORD_ORDER_REFUSED: '用人单位拒不改正',
  RECORD_RECOVERY: '追回款项',
  NOTICE_PENALTY: '行政处罚事先告知',
  RECORD_RESPONSE: '用人单位陈述申辩',
  DECIDE_PENALTY: '作出行政处罚决定',
  TRANSFER: '涉嫌犯罪移送公安机关',
  CLOSE: '劳动保障监察结案',
  NOTICE_HANDLING: '告知拟作出的行政处理决定',
  DECIDE_HANDLING: '作出行政处理决定',
  REWARD_REPORT: '决定举报奖励',
};

/** Events recorded under their own names (complaint, mediation and the proceedings' own events). */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  SUBMITTED: '提交投诉',
  // The receipt (COMPLAINT_RECEIVED): the complaint is received, not yet accepted (受理).
  ACKNOWLEDGED: '发送收件回执',
  // The intake passes the complaint on; 受理 is the body's it goes to (若干规定 第十八条; 调解仲裁法 第二十九条).
  ACCEPTED: '投诉通过初步审查',
  REJECTED: '投诉不予受理',
  CORRECTION_REQUESTED: '通知补正材料',
  CORRECTION_SUPPLIED: '补正材料后重新提交',
  EMPLOYER_CONTACT_CONFIRMED: '确认用人单位联系电话',
  EMPLOYER_NAME_CONFIRMED: '确认用人单位名称',
  ROUTED: '转交办理机构',
  // reroute.rules.ts: the first body never opened a case or ended without deciding (data: fromTarget → target).
  REROUTED: '改为转交其他办理机构',
  WITHDRAWN: '撤回投诉',
  POSSIBLE_DUPLICATE_FLAGGED: '提示可能重复投诉',
  COMPLAINANT_ACCOUNT_LINKED: '投诉人账号关联本案，可在线查看办理进度',
  DUPLICATE_DISMISSED: '排除重复投诉',
  MESSAGE_POSTED: '留言',
  ATTACHMENT_ADDED: '上传证据材料',
  COMPLAINT_CLOCK_EVENT: '受理期限变化',
  COLLECTIVE_DISPUTE_CONFIRMED: '确认为集体劳动争议',
  COLLECTIVE_MEMBER_REMOVED: '申请退出集体劳动争议，单独办理',
  ESCALATED_TO_ARBITRATION: '调解转仲裁',
  MEDIATION_OPENED: '开始调解',
  MEDIATION_SESSION_SCHEDULED: '安排调解',
  MEDIATOR_ASSIGNED: '更换调解员',
  MEDIATION_MEMBER_REMOVED: '集体争议成员退出调解',
  MEDIATION_PERIOD_EXTENDED: '调解期限延长',
  MEDIATION_AGREEMENT: '达成调解协议',
  MEDIATION_FAILED: '调解不成',
  MEDIATION_WITHDRAWN: '撤回调解',
  MEDIATION_EXPIRED: '调解期限届满',
  MEDIATION_NOT_OPENED: '转交调解满十五日未开始调解，可以申请仲裁',
  MEDIATION_INSTALMENT_PAID: '用人单位按协议付款',
  MEDIATION_AGREEMENT_DEFAULTED: '用人单位逾期未按协议付款',
  MEDIATION_AGREEMENT_DEFAULT_REVERSED: '经核实用人单位已按期付款，撤销逾期记录',
  MEDIATION_CLOCK_EVENT: '调解期限变化',
  ARBITRATION_APPLIED: '提交仲裁申请',
  ARBITRATION_CLOCK_EVENT: '仲裁期限变化',
  ARBITRATION_SOURCE_AGREEMENT_PAID: '用人单位在仲裁期间按调解协议付款，已告知仲裁委员会',
  ARBITRATION_MEMBER_UNABLE_TO_ACT: '仲裁庭组成人员不能继续履行职责，待仲裁委员会更换',
  ARBITRATION_COMMISSION_LATE: '仲裁委员会逾期，可以向人民法院起诉',
  INSPECTION_RECEIVED: '劳动保障监察收到投诉',
  INSPECTION_OPENED_BY_PLAN: '劳动保障监察随机抽查立案',
  INSPECTORS_REASSIGNED: '更换监察员',
  INSPECTION_CLOCK_EVENT: '调查期限变化',
  INSPECTION_DUE_RECOUNTED: '按新公布的节假日安排重新计算调查期限',
  // On the surviving case of a 并案: which case was folded in stays with the brigade (another party's matter).
  INSPECTION_MERGED_IN: '另一监察案件并入本案合并办理',
  ...Object.fromEntries(ARBITRATION_ACTIONS.map((a) => [`ARBITRATION_${a}`, ARBITRATION_ACTION_LABELS[a]])),
  ...Object.fromEntries(INSPECTION_ACTIONS.map((a) => [`INSPECTION_${a}`, INSPECTION_ACTION_LABELS[a]])),
};

/** The label used for an event this version has no words for. */
export const UNLABELLED_EVENT = '案件记录更新';

/** A readable zh-CN label for a timeline event. */
export function eventLabel(action: string): string {
  return Object.hasOwn(EVENT_LABELS, action) ? EVENT_LABELS[action] : UNLABELLED_EVENT;
}

/** Every action that has a label (for tests). */
export const LABELLED_EVENTS: readonly string[] = Object.keys(EVENT_LABELS);
