import type { Role } from '../auth/roles';

export const ARBITRATION_SOURCES = ['COMPLAINT', 'MEDIATION', 'DIRECT'] as const;
export type ArbitrationSource = (typeof ARBITRATION_SOURCES)[number];

export const ARBITRATION_STATUSES = [
  'APPLIED',
  'CORRECTION_REQUESTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED',
  'CLOSED',
] as const;
export type ArbitrationStatus = (typeof ARBITRATION_STATUSES)[number];

export const CLOSURE_TYPES = ['AWARD', 'MEDIATED', 'WITHDRAWN', 'TERMINATED'] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];
/** Closures other than an award, entered through POST /cases/:id/close. */
export const NON_AWARD_CLOSURES = ['MEDIATED', 'WITHDRAWN', 'TERMINATED'] as const;
export type NonAwardClosure = (typeof NON_AWARD_CLOSURES)[number];

export const TRIBUNAL_KINDS = ['SOLE', 'THREE'] as const;
export type TribunalKind = (typeof TRIBUNAL_KINDS)[number];

/**
 * Kinds of claim (仲裁请求). STANDARDS = working time, rest, leave and social-insurance standards
 * (工作时间、休息休假、社会保险等国家劳动标准).
 */
export const CLAIM_TYPES = [
  'LABOR_REMUNERATION',
  'WORK_INJURY_MEDICAL',
  'ECONOMIC_COMPENSATION',
  'DAMAGES',
  'STANDARDS',
  'OTHER',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Case type of arbitration clocks and notifications. */
export const ARBITRATION_CASE_TYPE = 'ARBITRATION';
/** The kind of an arbitration case in a notification's or work item's `subjectRef` ("arbitration-case:<id>"). */
export const ARBITRATION_SUBJECT = 'arbitration-case';

/** Hearings are assumed to last this long when checking double bookings (platform assumption). */
export const HEARING_SLOT_MINUTES = 120;

/** Who attended a hearing: in person, through an agent (委托代理人), or not at all. */
export const ATTENDANCE_KINDS = ['PRESENT', 'REPRESENTED', 'ABSENT'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];
export interface HearingAttendance {
  claimant: AttendanceKind;
  respondent: AttendanceKind;
}

/** The facts behind an application's limitation check and the engine's answer. */
export interface LimitationRecord {
  facts: {
    knewOn: string;
    employmentEndedOn?: string | null;
    wageArrears?: boolean;
    interruptedOn?: string[];
    suspended?: { from: string; to: string; reason: string }[];
  };
  withinLimit: boolean;
  limitDate: string | null;
  basis: string;
  provisional: boolean;
}

/**
 * Why the worker may go to court before an award: the commission did not decide on acceptance within its period
 * (调解仲裁法 第二十九条: 逾期未作出决定的) or did not award within 45 (+15) days (第四十三条: 逾期未作出仲裁裁决的).
 */
export const COURT_OPTION_REASONS = ['ACCEPTANCE_OVERDUE', 'AWARD_OVERDUE'] as const;
export type CourtOptionReason = (typeof COURT_OPTION_REASONS)[number];

/** The roles whose acts conduct an arbitration (acceptance, tribunal, hearings, awards): arbitrators and supervisors. */
export const ARBITRATION_DECIDING_ROLES: readonly Role[] = ['ARBITRATOR', 'SUPERVISOR'];
