import type { Role } from '../auth/roles';

/** Where an inspection case comes from: a worker's 投诉, a 举报 (reporter kept secret) or a planned inspection. */
export const INSPECTION_SOURCES = ['COMPLAINT', 'REPORT', 'PLAN'] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];

export const INSPECTION_STATUSES = [
  'RECEIVED',
  'REFUSED',
  'INVESTIGATING',
  'RECTIFICATION_ORDERED',
  'PENALTY_NOTICED',
  'PENALTY_DECIDED',
  'CLOSED',
] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Statuses of a case under investigation (立案 and not closed): the 60-working-day clock runs. */
export const OPEN_STATUSES: readonly InspectionStatus[] = [
  'INVESTIGATING',
  'RECTIFICATION_ORDERED',
  'PENALTY_NOTICED',
  'PENALTY_DECIDED',
];

/**
 * How a case ends (劳动保障监察条例 第十八条: 对依法应当受到行政处罚的作出行政处罚决定; 对应当改正未改正的依法责令改正;
 * 对情节轻微且已改正的撤销立案; 涉嫌犯罪的移送公安机关).
 */
export const CLOSURE_TYPES = [
  'RECTIFIED',
  'PENALISED',
  'TRANSFERRED',
  'NO_VIOLATION',
  'REVOKED',
  'MERGED',
] as const;
export type InspectionClosureType = (typeof CLOSURE_TYPES)[number];
/** Closures entered through POST /cases/:id/close (TRANSFERRED is the transfer's own action). */
export const MANUAL_CLOSURES = ['RECTIFIED', 'PENALISED', 'NO_VIOLATION', 'REVOKED', 'MERGED'] as const;
export type ManualClosure = (typeof MANUAL_CLOSURES)[number];

/** Documents the brigade issues; each is numbered and stored with its rendered text. */
export const DOCUMENT_KINDS = [
  'REFUSAL_NOTICE',
  'INQUIRY_NOTICE',
  'RECTIFICATION_ORDER',
  'PENALTY_NOTICE',
  'PENALTY_DECISION',
  'TRANSFER_NOTICE',
  // 行政处理 (监察条例 第十八条第一款第（二）项): the employer is told the proposed decision and heard (第十九条) first.
  'HANDLING_NOTICE',
  'HANDLING_DECISION',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Case type of inspection clocks and case_events. */
export const INSPECTION_CASE_TYPE = 'INSPECTION';
/** The kind of an inspection case in a notification's or work item's `subjectRef` ("inspection-case:<id>"). */
export const INSPECTION_SUBJECT = 'inspection-case';

/** Case-number prefix (tracking number format, e.g. JC-2026-0000001-X). */
export const CASE_NO_PREFIX = 'JC';

/** The roles whose acts run an inspection (立案, investigation, orders): its inspectors and the bureau's supervisors. */
export const INSPECTION_ACTING_ROLES: readonly Role[] = ['INSPECTOR', 'SUPERVISOR'];
