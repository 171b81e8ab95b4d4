export const ROLES = ['WORKER', 'MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN'];
/** The staff role of each body that conducts a proceeding (调委会, 仲裁委, 监察机构). */
export const BODY_STAFF_ROLE = {
  MEDIATION: 'MEDIATOR',
  ARBITRATION: 'ARBITRATOR',
  INSPECTION: 'INSPECTOR',
} as const satisfies Record<string, Role>;
/** Staff who handle cases: every staff role but the system's ADMIN, who onboards staff and runs the platform. */
export const CASE_STAFF_ROLES: readonly Role[] = ['MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR'];

/** The authenticated caller, as carried by the access token. */
export interface Principal {
  userId: string;
  role: Role;
  /** Division codes the caller's scope covers; a code covers itself and every code it prefixes. */
  jurisdictions: string[];
  organisationId: string | null;
  /** A temporary password must be changed before anything else (403 PASSWORD_CHANGE_REQUIRED). */
  passwordChangeRequired?: boolean;
  /** The access token's id, expiry (epoch seconds) and refresh family, for logout. */
  tokenId?: string;
  tokenExpiresAt?: number;
  familyId?: string;
}

/** Does the caller's jurisdiction scope cover this street code? (a district code covers its streets) */
export function coversJurisdiction(principal: Pick<Principal, 'jurisdictions'>, code: string): boolean {
  // An empty or malformed scope entry covers nothing (never "everything").
  return principal.jurisdictions.some((scope) => /^\d{2,12}$/.test(scope) && code.startsWith(scope));
}
