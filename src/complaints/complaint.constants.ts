export const COMPLAINT_CATEGORIES = [
  'WAGE_ARREARS',
  'OVERTIME_PAY',
  'NO_CONTRACT',
  'SOCIAL_INSURANCE',
  'UNLAWFUL_TERMINATION',
  'WORK_INJURY',
  'WORKING_HOURS_LEAVE',
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * The categories that are a claim to money by nature (劳动法 第五十条、劳动合同法 第三十条: 工资; 劳动法 第四十四条:
 * 加班工资): a complaint of one states its amount. The others (a missing contract, social insurance, dismissal, injury,
 * hours) may have none to state — their `claimedAmountFen` is then null, never 0.
 */
export const AMOUNT_REQUIRED_CATEGORIES: readonly ComplaintCategory[] = ['WAGE_ARREARS', 'OVERTIME_PAY'];

/** How staff read the categories (warning explanations, documents). */
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  WAGE_ARREARS: '拖欠工资',
  OVERTIME_PAY: '加班费',
  NO_CONTRACT: '未签订书面劳动合同',
  SOCIAL_INSURANCE: '社会保险',
  UNLAWFUL_TERMINATION: '违法解除劳动合同',
  WORK_INJURY: '工伤',
  WORKING_HOURS_LEAVE: '工作时间和休息休假',
  OTHER: '其他劳动权益',
};

export const INTAKE_CHANNELS = ['WEB', 'MOBILE', 'HOTLINE_12333', 'WALK_IN'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** 投诉 (a worker's own complaint) or 举报 (a report by anyone, possibly anonymous). */
export type ComplaintKind = 'COMPLAINT' | 'REPORT';

/** Intake statuses (see complaint.state.ts); routing (mediation / arbitration / inspection) extends this later. */
export const COMPLAINT_STATUSES = [
  'SUBMITTED',
  'CORRECTION_REQUESTED',
  'ACCEPTED',
  'REJECTED',
  'ROUTED',
  'WITHDRAWN',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const TRACKING_PREFIX: Record<ComplaintKind, string> = { COMPLAINT: 'TS', REPORT: 'JB' };
