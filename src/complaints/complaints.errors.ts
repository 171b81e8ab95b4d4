import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of complaints (投诉), anonymous reports (举报), collective disputes, routing and withdrawal: HTTP status and zh-CN / English message. */
export const COMPLAINTS_ERRORS = {
  COMPLAINT_NOT_FOUND: { status: 404, zh: '投诉不存在', en: 'No such complaint' },
  REPORT_NOT_FOUND: {
    status: 404,
    zh: '没有与该查询号和查询码匹配的举报',
    en: 'No report matches this tracking number and access code',
  },
  ACCESS_CODE_LOCKED: {
    status: 429,
    zh: '查询码错误次数过多，请稍后再试',
    en: 'Too many wrong access codes; try again later',
  },
  COLLECTIVE_DISPUTE_NOT_FOUND: { status: 404, zh: '集体争议不存在', en: 'No such collective dispute' },
  COLLECTIVE_MEMBER_NOT_FOUND: {
    status: 404,
    zh: '该投诉不是本集体争议仍在争议中的成员',
    en: 'No such member of the collective dispute',
  },
  COLLECTIVE_MEMBER_NOT_REMOVABLE: {
    status: 409,
    zh: '该成员不能退出集体案件：案件据以立案的投诉不能退出；推举的代表须先由劳动者另行推举代表',
    en: 'This member cannot leave the group’s case: the complaint the case is filed on stays; a representative leaves once another is elected',
  },
  COLLECTIVE_PROPOSAL_NOT_FOUND: { status: 404, zh: '集体争议提议不存在', en: 'No such collective proposal' },
  NOT_ACTING_FOR_COLLECTIVE_DISPUTE: {
    status: 403,
    zh: '集体争议由推举的代表为全体劳动者办理（调解仲裁法第七条）；未推举代表的，由仍在争议中的成员办理：您不能为本集体争议办理此事项',
    en: 'A collective dispute acts through its elected representatives (调解仲裁法 第七条), or, with none elected, through a member still in the dispute: you may not do this for the group',
  },
  REROUTE_NOT_ALLOWED: {
    status: 409,
    zh: '该投诉不能改为转交其他机构：原机构的程序仍在进行、已对争议作出处理（调解协议、仲裁裁决、监察处理），或已转交该机构（details.reason）',
    en: 'The routed complaint cannot go to another body: a proceeding on it is open, one decided the matter, or it is already routed there (details.reason)',
  },
  ARBITRATION_IN_PROGRESS: {
    status: 409,
    zh: '该投诉（或其集体争议）已申请劳动争议仲裁且仲裁尚未结束，不再转交调解或开始调解',
    en: 'The complaint (or its collective dispute) has an open arbitration case: it is not routed to or opened for mediation',
  },
  DISPUTE_IN_ARBITRATION: {
    status: 409,
    zh: '该投诉的争议已申请劳动争议仲裁（仲裁中或已裁决）：不再作为投诉受理、分流或立案（劳动保障监察条例第二十一条第二款）；对用人单位违法行为另行监察的，请填写 override.reason',
    en: 'The dispute of this complaint is pending in or was decided by arbitration: it is not accepted, routed or opened again as a complaint; to inspect the employer’s violations beside it, give override.reason',
  },
  COLLECTIVE_MEMBERS_INELIGIBLE: {
    status: 409,
    zh: '以下投诉不能并入集体争议：已不予受理或撤回，或已在其自身的调解（含调解协议）、仲裁或劳动保障监察程序中办理，详见 details.excluded',
    en: 'These complaints cannot join a collective dispute: refused, withdrawn, or handled in a proceeding of their own (mediation or its agreement, arbitration, inspection); see details.excluded',
  },
  COLLECTIVE_MEMBERS_PENDING: {
    status: 409,
    zh: '集体争议的全部成员受理后方可分流',
    en: 'Every member of the collective dispute must be accepted before the group is routed',
  },
  CORRECTION_NEEDS_COMPLAINANT: {
    status: 409,
    zh: '只有投诉（有投诉人）可以要求补正',
    en: 'Only a complaint (投诉) has a complainant to ask for a correction',
  },
  NO_DUPLICATE_TO_REVIEW: {
    status: 409,
    zh: '该投诉没有待核查的疑似重复标记',
    en: 'This complaint has no open possible-duplicate flag',
  },
  DUPLICATE_OF_ANOTHER_COMPLAINANT: {
    status: 409,
    zh: '所填原投诉不是同一投诉人的：重复投诉只能并入本人的原投诉；不同劳动者的投诉应分别办理或确认为集体劳动争议',
    en: "The original is another complainant's: a duplicate is merged into the same person's complaint only; different workers' complaints are handled each, or as a collective dispute",
  },
  DUPLICATE_OF_CLOSED: {
    status: 409,
    zh: '原投诉已撤回或不予受理，不能作为重复投诉并案：请排除疑似重复，继续办理本投诉',
    en: 'The original complaint was withdrawn or refused: dismiss the flag and handle this one',
  },
  POSSIBLE_DUPLICATE_UNREVIEWED: {
    status: 409,
    zh: '请先确认或排除疑似重复',
    en: 'Confirm or dismiss the possible duplicate first',
  },
  PROCEEDING_OPEN: {
    status: 409,
    zh: '该投诉有尚未结束的办案程序，请先在该程序中结束',
    en: 'The complaint has an open case: end it in its own procedure first',
  },
  WITHDRAWAL_NEEDS_CONSENT: {
    status: 409,
    // After the intake's review (no 受理 of the body's: 若干规定 第十八条), as the worker's case file words it.
    zh: '投诉已通过初步审查，撤回须经办理机构同意并由其工作人员登记',
    en: 'The complaint was accepted: it is withdrawn only with the consent of the body handling it, recorded by its staff',
  },
  WITHIN_LOOKBACK: {
    status: 409,
    zh: '违法行为尚在二年查处期限内（持续的违法行为自终了之日起计算），不能以超过期限为由不予受理（劳动保障监察条例 第二十条）',
    en: 'The violation is within the two years (a continuing one counts from its end): it cannot be refused as over them',
  },
  CONSENT_OF_ANOTHER_BODY: {
    status: 403,
    zh: '撤回须由投诉分流至的办理机构同意，只有该机构的工作人员或督办人员可以登记',
    en: 'The withdrawal needs the consent of the body the complaint was routed to: only its staff or a supervisor record it',
  },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    complaints: typeof COMPLAINTS_ERRORS;
  }
}
