import type { OrganisationKind } from '../reference/entities/organisation.entity';
import type { Role } from '../auth/roles';

/** How every view shows a staff member (or the actor of a timeline event): a name, never a bare id. */
export interface StaffRef {
  id: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
}

/** What the directory knows of one account (auth's account summary). */
export interface StaffAccount {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
}

/** Shown for a worker account: never its username (a mobile number) or its real name. */
export const WORKER_DISPLAY_NAME = '劳动者';

/** Pure: an account and its body as a StaffRef. A staff account without a display name shows its username. */
export function toStaffRef(
  account: StaffAccount,
  organisation: StaffRef['organisation'] | undefined,
): StaffRef {
  const displayName =
    account.role === 'WORKER' ? WORKER_DISPLAY_NAME : account.displayName?.trim() || account.username;
  return { id: account.id, displayName, role: account.role, organisation: organisation ?? null };
}
