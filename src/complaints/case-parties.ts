import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PiiAccessService } from '../audit/pii-access.service';
import type { Principal } from '../auth/roles';
import { maskName, maskPhone } from '../common/pii';
import { PiiCipher } from '../common/pii-crypto';
import { employerNameShown, seesPersonalDataInFull } from './complaint-view';
import type { CaseComplainantDto, CaseEmployerDto } from './dto/case-parties.dto';

/**
 * What a proceeding reads of a case's parties in its own statement (a list page's, a case's): one JSON object per
 * case, built by `CASE_PARTIES_JSON` of the views the owners publish (migration 1796400009600,
 * docs/read-contracts.md), under the aliases `c` (complaint_party_source: the case's complaint) and `e`
 * (employer_party_source: the case's employer), which the reader's FROM names.
 */
export interface CasePartiesRow {
  complaintId: string;
  kind: string;
  complainantUserId: string | null;
  complainantName: string | null;
  /** encrypted (common/pii-crypto.ts): decrypted only to be shown */
  complainantPhoneEnc: string | null;
  employerNameStated: string | null;
  employerId: string;
  employerName: string;
  employerNameConfirmed: boolean;
}

export const CASE_PARTIES_JSON = `json_build_object('complaintId', c.id, 'kind', c.kind,
    'complainantUserId', c.complainant_user_id, 'complainantName', c.complainant_name,
    'complainantPhoneEnc', c.complainant_phone_enc, 'employerNameStated', c.employer_name_stated,
    'employerId', e.id, 'employerName', e.name, 'employerNameConfirmed', e.name_confirmed)`;

/** Whom a case is about, as a viewer may see it. */
export interface CaseParties {
  employer: CaseEmployerDto;
  /** null when the complaint is a 举报: its reporter stays unknown */
  complainant: CaseComplainantDto | null;
}

/**
 * The parties of proceedings' cases as their views and lists show them: the employer as the complaint's view names
 * it; the complainant (never the ID number) in full for the roles that handle cases and for the complainant, masked
 * for the others, as the search shows them (complaint-view.ts). A staff member's read of a phone in full is recorded
 * (issue 15), one record for the read, whatever the number of cases.
 */
@Injectable()
export class CasePartiesViews {
  constructor(
    private readonly pii: PiiCipher,
    private readonly access: PiiAccessService,
  ) {}

  async show(
    em: EntityManager,
    viewer: Principal,
    rows: readonly CasePartiesRow[],
    purpose: string,
  ): Promise<CaseParties[]> {
    const full = (r: CasePartiesRow) => seesPersonalDataInFull(viewer, r.complainantUserId);
    const hasComplainant = (r: CasePartiesRow) => r.kind === 'COMPLAINT';
    await this.access.record(em, viewer, {
      caseType: 'COMPLAINT',
      caseIds: rows
        .filter((r) => hasComplainant(r) && r.complainantPhoneEnc !== null && full(r))
        .map((r) => r.complaintId),
      purpose,
    });
    return rows.map((r) => {
      const phone = hasComplainant(r) ? this.pii.decryptNullable(r.complainantPhoneEnc) : null;
      return {
        employer: {
          id: r.employerId,
          name: employerNameShown(
            { name: r.employerName, nameConfirmed: r.employerNameConfirmed },
            r.employerNameStated,
          ),
          nameConfirmed: r.employerNameConfirmed,
        },
        complainant: hasComplainant(r)
          ? {
              name: full(r) ? r.complainantName : maskName(r.complainantName),
              phone: full(r) ? phone : maskPhone(phone),
            }
          : null,
      };
    });
  }
}
