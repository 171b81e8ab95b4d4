import type { Principal } from '../auth/roles';
import type { PiiCipher } from '../common/pii-crypto';
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from '../common/pii';
import type { Employer } from '../reference/entities/employer.entity';
import type { Complaint } from './entities/complaint.entity';

export interface ComplaintWithEmployer {
  complaint: Complaint;
  employer: Employer;
}
import type { ComplaintViewDto } from './dto/complaint-view.dto';

/** Roles that handle cases see complainants in full; oversight roles see them masked. */
const HANDLING_ROLES = new Set(['MEDIATOR', 'ARBITRATOR', 'INSPECTOR']);

/**
 * The employer's name a view of a complaint, or of a proceeding's case on it, shows: the register's once a verified
 * source gave it; until then the name this complaint stated, so that one party's wording never appears on another's.
 */
export function employerNameShown(
  employer: { name: string; nameConfirmed: boolean },
  stated: string | null,
): string {
  return employer.nameConfirmed ? employer.name : (stated ?? employer.name);
}

export function seesPersonalDataInFull(viewer: Principal | null, complainantUserId: string | null): boolean {
  if (!viewer) return false;
  if (viewer.role === 'WORKER') return viewer.userId === complainantUserId;
  return HANDLING_ROLES.has(viewer.role);
}

/** The complainant's ID number and phone, decrypted (common/pii-crypto.ts) for the view to show or mask. */
export interface ComplainantPii {
  idNumber: string | null;
  phone: string | null;
}

export function toComplaintView(
  { complaint: c, employer }: ComplaintWithEmployer,
  viewer: Principal | null,
  pii: ComplainantPii,
): ComplaintViewDto {
  const full = seesPersonalDataInFull(viewer, c.complainantUserId);
  const hasComplainant = c.kind === 'COMPLAINT';
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    kind: c.kind,
    status: c.status,
    category: c.category,
    channel: c.channel,
    // The register's name once a verified source gave it; until then the name this complaint's party typed.
    employer: {
      id: employer.id,
      name: employerNameShown(employer, c.employerNameStated),
      uscc: employer.uscc,
      nameConfirmed: employer.nameConfirmed,
    },
    employerAsStated:
      c.employerNameStated === null
        ? null
        : {
            name: c.employerNameStated,
            contactPhone: full ? c.employerPhoneStated : maskPhone(c.employerPhoneStated),
            address: c.employerAddressStated,
          },
    workplaceStreetCode: c.workplaceStreetCode,
    claimedAmountFen: c.claimedAmountFen,
    affectedWorkers: c.affectedWorkers,
    // What a party typed may hold ID and mobile numbers: masked as the structured fields are.
    facts: full ? c.facts : maskPersonalDataInText(c.facts),
    requests: full ? c.requests : maskPersonalDataInText(c.requests),
    complainant: hasComplainant
      ? {
          name: full ? c.complainantName : maskName(c.complainantName),
          idNumber: full ? pii.idNumber : maskIdNumber(pii.idNumber),
          phone: full ? pii.phone : maskPhone(pii.phone),
          verified: c.complainantVerified,
          onBehalfRelationship: c.onBehalfRelationship,
        }
      : null,
    receivedOn: c.receivedOn,
    createdAt: c.createdAt.toISOString(),
    wantsArbitration: c.wantsArbitration,
    collectiveDisputeId: c.collectiveDisputeId,
    possibleDuplicateOf: c.possibleDuplicateOf,
    duplicateReview: c.duplicateReview,
    route:
      c.routeTarget && c.routeOrganisationId && c.routedAt
        ? { target: c.routeTarget, organisationId: c.routeOrganisationId, routedAt: c.routedAt.toISOString() }
        : null,
  };
}

/** The encrypted columns and blind indexes a complaint stores for its complainant's ID number and phone. */
export function sealComplainant(
  pii: PiiCipher,
  idNumber: string | null | undefined,
  phone: string | null | undefined,
): Pick<
  Complaint,
  'complainantIdNumberEnc' | 'complainantIdNumberBidx' | 'complainantPhoneEnc' | 'complainantPhoneBidx'
> {
  return {
    complainantIdNumberEnc: pii.encryptNullable(idNumber),
    complainantIdNumberBidx: pii.blindIndexNullable('id_number', idNumber),
    complainantPhoneEnc: pii.encryptNullable(phone),
    complainantPhoneBidx: pii.blindIndexNullable('phone', phone),
  };
}
