import type { OrganisationKind } from '../reference/entities/organisation.entity';
import type { Role } from '../auth/roles';

/** How every view shows a staff member (or the actor of a timeline event): a name, never a bare id. */
export interface StaffRef {
  id: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
}

/** The row the directory reads for one account. */
export interface StaffRow {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
}

/** Shown for a worker account: never its username (a mobile number) or its real name. */
export const WORKER_DISPLAY_NAME = '劳动者';

/** Pure: a directory row as a StaffRef. A staff account without a display name shows its username. */
export function toStaffRef(row: StaffRow): StaffRef {
  const displayName = row.role === 'WORKER' ? WORKER_DISPLAY_NAME : row.display_name?.trim() || row.username;
  return {
    id: row.id,
    displayName,
    role: row.role,
    organisation:
      row.organisation_id && row.organisation_name && row.organisation_kind
        ? { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind }
        : null,
  };
}
