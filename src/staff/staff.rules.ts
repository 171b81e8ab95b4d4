import type { OrganisationKind } from '../reference/entities/organisation.entity';
import { coversJurisdiction, type Role } from '../auth/roles';
import { fieldError, type FieldError } from '../common/errors/app-exception';

/** The roles an admin gives staff accounts (workers sign themselves up). */
export const STAFF_ACCOUNT_ROLES = ['MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN'] as const;
export type StaffAccountRole = (typeof STAFF_ACCOUNT_ROLES)[number];

/**
 * The organisation kind each role works for: mediators in a mediation committee (调解仲裁法 第十条),
 * arbitrators at an arbitration commission (调解仲裁法 第十七条、第二十条), inspectors in the labor-security
 * inspection body (劳动保障监察条例 第三条), supervisors and admins at the HRSS bureau.
 */
export const ROLE_ORGANISATION_KIND: Record<StaffAccountRole, OrganisationKind> = {
  MEDIATOR: 'MEDIATION_COMMITTEE',
  ARBITRATOR: 'ARBITRATION_COMMISSION',
  INSPECTOR: 'INSPECTION_BRIGADE',
  SUPERVISOR: 'HRSS_BUREAU',
  ADMIN: 'HRSS_BUREAU',
};

/** Pure: what is wrong with giving an account this role, organisation and jurisdictions (empty = fits). */
export function assignmentProblems(
  role: Role,
  organisation: { kind: OrganisationKind; jurisdictionCode: string },
  jurisdictionCodes: readonly string[],
): FieldError[] {
  const problems: FieldError[] = [];
  const kind = (ROLE_ORGANISATION_KIND as Partial<Record<Role, OrganisationKind>>)[role];
  if (!kind)
    problems.push(
      fieldError(
        'role',
        'isIn',
        `管理员不能创建 ${role} 账号`,
        `${role} accounts are not created by an admin`,
      ),
    );
  else if (kind !== organisation.kind)
    problems.push(
      fieldError(
        'organisationId',
        'organisationKind',
        `${role} 须属于 ${kind} 类机构，而不是 ${organisation.kind}`,
        `a ${role} belongs to a ${kind}, not a ${organisation.kind}`,
      ),
    );
  if (jurisdictionCodes.length === 0)
    problems.push(
      fieldError(
        'jurisdictionCodes',
        'arrayNotEmpty',
        '至少须有一个管辖区域',
        'at least one jurisdiction is required',
      ),
    );
  const scope = { jurisdictions: [organisation.jurisdictionCode] };
  for (const code of jurisdictionCodes)
    if (!coversJurisdiction(scope, code))
      problems.push(
        fieldError(
          'jurisdictionCodes',
          'jurisdiction',
          `${code} 不在该机构的管辖范围 ${organisation.jurisdictionCode} 内`,
          `${code} is outside the organisation's jurisdiction ${organisation.jurisdictionCode}`,
        ),
      );
  return problems;
}

/**
 * Pure: a field error for each jurisdiction code the platform does not know. The organisation's prefix covers a typo
 * (310115061 inside 310115), and an account given one would see nothing, silently (audit 2026-12-07).
 */
export function unknownJurisdictionProblems(unknown: readonly string[]): FieldError[] {
  return unknown.map((code) =>
    fieldError(
      'jurisdictionCodes',
      'exists',
      `${code} 不是平台已知的区级或街道（乡镇）级行政区划`,
      `${code} is not a district or street-level unit the platform knows`,
    ),
  );
}

/** Pure: may a caller with this scope see (or change) something of this jurisdiction? */
export function withinScope(viewer: { jurisdictions: string[] }, jurisdictionCode: string): boolean {
  return coversJurisdiction(viewer, jurisdictionCode);
}

/** Whether an account's role, organisation or jurisdictions differ after a change (what its holder may not change). */
export function ownScopeChanged(
  before: { role: string; organisationId: string | null; jurisdictionCodes: readonly string[] },
  after: { role: string; organisationId: string | null; jurisdictionCodes: readonly string[] },
): boolean {
  return (
    before.role !== after.role ||
    before.organisationId !== after.organisationId ||
    [...before.jurisdictionCodes].sort().join() !== [...after.jurisdictionCodes].sort().join()
  );
}

/** What an account may act on: whether it is active, its role, organisation and jurisdictions. */
export interface AccountPowers {
  active: boolean;
  role: string;
  organisationId: string | null;
  jurisdictionCodes: readonly string[];
}

/**
 * Whether a change ends the account's sessions (session version raised, refresh tokens revoked): a deactivation,
 * or a new role, organisation or jurisdictions. A later reactivation must not revive tokens issued before, and
 * one signs in again under new powers (platform security rule, no statute).
 */
export function changeEndsSessions(before: AccountPowers, after: AccountPowers): boolean {
  return (before.active && !after.active) || ownScopeChanged(before, after);
}

/** Why a change may take open cases from their holder (case events record it). */
export type StaffChangeCause = 'DEACTIVATED' | 'ROLE_CHANGED' | 'MOVED';

/**
 * Pure: the cause of a change that may leave the account unable to act on the open cases it holds — a deactivation,
 * a new role, or a new organisation or jurisdictions — or null (a name or phone alone). The proceedings decide case by
 * case whether the account still may act (platform rule: no case is left with someone who cannot act on it).
 */
export function staffChangeCause(before: AccountPowers, after: AccountPowers): StaffChangeCause | null {
  if (!after.active) return before.active ? 'DEACTIVATED' : null;
  if (before.role !== after.role) return 'ROLE_CHANGED';
  return ownScopeChanged(before, after) ? 'MOVED' : null;
}
