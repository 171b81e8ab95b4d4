import type { ClaimType } from '../arbitration/arbitration.constants';
import type { ComplaintCategory } from '../complaints/complaint.constants';

/**
 * The arbitration claim type of a claim carried over from mediation, by the complaint's category. The type
 * decides 一裁终局 (调解仲裁法 第四十七条: 劳动报酬、工伤医疗费、经济补偿或者赔偿金; 工作时间、休息休假、社会保险标准).
 */
export const CLAIM_TYPE_OF_CATEGORY: Record<ComplaintCategory, ClaimType> = {
  WAGE_ARREARS: 'LABOR_REMUNERATION',
  OVERTIME_PAY: 'LABOR_REMUNERATION',
  UNLAWFUL_TERMINATION: 'ECONOMIC_COMPENSATION',
  WORK_INJURY: 'WORK_INJURY_MEDICAL',
  WORKING_HOURS_LEAVE: 'STANDARDS',
  SOCIAL_INSURANCE: 'STANDARDS',
  NO_CONTRACT: 'OTHER',
  OTHER: 'OTHER',
};
