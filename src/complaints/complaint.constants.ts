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

export const INTAKE_CHANNELS = ['WEB', 'MOBILE', 'HOTLINE_12333', 'WALK_IN'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** 投诉 (a worker's own complaint) or 举报 (a report by anyone, possibly anonymous). */
export type ComplaintKind = 'COMPLAINT' | 'REPORT';

/** Intake statuses (see complaint.state.ts); routing (mediation / arbitration / inspection) extends this later. */
export const COMPLAINT_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'ROUTED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const TRACKING_PREFIX: Record<ComplaintKind, string> = { COMPLAINT: 'TS', REPORT: 'JB' };
