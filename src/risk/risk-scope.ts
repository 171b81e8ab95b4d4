import { coversJurisdiction, type Principal } from '../auth/roles';

/** Who sees all of risk (warnings, employer features) regardless of street. */
export const UNSCOPED_ROLES: ReadonlySet<string> = new Set(['ADMIN']);

/**
 * May the viewer see risk data of this street? An unscoped role always; anyone else only within their
 * jurisdictions (an unknown street is visible to unscoped roles only).
 */
export function seesRiskOf(viewer: Principal, streetCode: string | null): boolean {
  return UNSCOPED_ROLES.has(viewer.role) || (streetCode !== null && coversJurisdiction(viewer, streetCode));
}
