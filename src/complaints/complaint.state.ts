import type { ComplaintStatus } from './complaint.constants';

/**
 * Intake decisions. A complaint is accepted (受理) or refused in writing with the reason within 5 working days
 * (关于实施《劳动保障监察条例》若干规定 第十八条); routing to mediation, arbitration or inspection extends this.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  // The complainant may withdraw (撤回) before a decision; after it only with the body's consent (withdrawal.rules.ts).
  SUBMITTED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  // An accepted complaint is routed to mediation, arbitration or inspection.
  ACCEPTED: ['ROUTED', 'WITHDRAWN'],
  REJECTED: [],
  ROUTED: ['WITHDRAWN'],
  WITHDRAWN: [],
};

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

/** Platform policy (issue 4): the same complainant, employer and category within this many days is flagged. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** Why a complaint is not accepted; each cites where the law says so. */
export const REJECTION_REASONS = {
  // 若干规定 第十八条(三): 属于劳动保障监察事项且属于本机关管辖
  OUT_OF_JURISDICTION: '不属于本机关管辖',
  // 劳动保障监察条例 第二十条: 违法行为在二年内未被发现的，不再查处
  OVER_LOOKBACK: '超过二年查处期限',
  // 若干规定 第十八条(二): 已按照劳动争议处理或者提起诉讼的不予受理
  IN_ARBITRATION_OR_COURT: '已进入劳动争议仲裁或诉讼程序',
  // 若干规定 第十八条(一): 有明确的被投诉用人单位
  NO_IDENTIFIED_EMPLOYER: '被投诉用人单位不明确',
  // 若干规定 第十八条(三): 属于劳动保障监察职权范围
  NOT_LABOR_SECURITY_MATTER: '不属于劳动保障监察事项',
  DUPLICATE: '重复投诉，已并案处理',
  OTHER: '其他（见说明）',
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;
