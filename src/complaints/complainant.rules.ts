import { fieldError, type FieldError } from '../common/errors/app-exception';
import type { IntakeChannel } from './complaint.constants';

/** Channels on which staff enter a complaint for the person in front of them or on the line. */
export const STAFF_INTAKE_CHANNELS: readonly IntakeChannel[] = ['HOTLINE_12333', 'WALK_IN'];

/** How a worker filing for someone else is related to them (recorded on the complaint). */
export const ON_BEHALF_RELATIONSHIPS = ['FAMILY', 'LAWYER', 'COLLEAGUE', 'UNION', 'OTHER'] as const;
export type OnBehalfRelationship = (typeof ON_BEHALF_RELATIONSHIPS)[number];

/**
 * SQL: the worker a complaint counts as, for "distinct workers" (risk features, collective proposals): the account
 * of a worker's own complaint (so one account is one worker, whatever ID numbers it names), or the ID number
 * staff entered (compared by its blind index: common/pii-crypto.ts); null for a complaint filed on someone's
 * behalf (unverified). Rows written before intake recorded
 * the filer (filed_by_user_id null: imports, generated data) count by account, else by ID number.
 * The view complaint_risk_source publishes this key (and UNVERIFIED_COMPLAINANT_KEY) for the risk features
 * (docs/read-contracts.md); test/unit/read-contracts.spec.ts keeps the two texts equal.
 */
export const VERIFIED_WORKER_KEY = (c: string): string =>
  `CASE WHEN ${c}.complainant_verified OR ${c}.filed_by_user_id IS NULL
        THEN COALESCE(${c}.complainant_user_id::text, ${c}.complainant_id_number_bidx) END`;

/** SQL: the unverified identity a complaint filed on someone's behalf names (counted apart); null otherwise. */
export const UNVERIFIED_COMPLAINANT_KEY = (c: string): string =>
  `CASE WHEN ${c}.kind = 'COMPLAINT' AND NOT ${c}.complainant_verified AND ${c}.filed_by_user_id IS NOT NULL
        THEN COALESCE(${c}.complainant_id_number_bidx, ${c}.complainant_phone_bidx, ${c}.id::text) END`;

/** The identities a complaint names its complainant by (an account, the ID number's and the phone's blind indexes). */
export interface ComplainantIdentity {
  complainantUserId: string | null;
  complainantIdNumberBidx: string | null;
  complainantPhoneBidx: string | null;
}

/**
 * Whether two complaints are the same person's: one identity in common. A duplicate (重复投诉) is one person
 * complaining twice; another worker's complaint about the same employer is theirs to keep (or a collective dispute).
 */
export function sameComplainant(a: ComplainantIdentity, b: ComplainantIdentity): boolean {
  const same = <T>(x: T | null, y: T | null) => x !== null && x === y;
  return (
    same(a.complainantUserId, b.complainantUserId) ||
    same(a.complainantIdNumberBidx, b.complainantIdNumberBidx) ||
    same(a.complainantPhoneBidx, b.complainantPhoneBidx)
  );
}

export interface PersonClaim {
  name?: string;
  idNumber?: string;
  phone?: string;
}

/** The account that files, with its verified phone and the identity it recorded (workers), if any. */
export interface Filer {
  kind: 'WORKER' | 'STAFF';
  userId: string;
  phone: string | null;
  identity: { realName: string; idNumber: string } | null;
}

export interface IntakeClaim {
  channel: IntakeChannel;
  complainant?: PersonClaim;
  onBehalfOf?: PersonClaim & { relationship: OnBehalfRelationship };
}

export interface ResolvedComplainant {
  /** the account that follows the case as its complainant (sees it under /my); null if none */
  complainantUserId: string | null;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  verified: boolean;
  onBehalfRelationship: OnBehalfRelationship | null;
  filedByUserId: string;
}

/**
 * Who a new complaint names as complainant. 投诉 is the worker's own (劳动保障监察条例 第九条: 劳动者认为用人单位
 * 侵犯其劳动保障合法权益的，有权向劳动保障行政部门投诉), so:
 * - a worker's complaint names the worker: their recorded identity if they have one (a differing name or ID
 *   number is refused), and always their own verified phone (a third party's phone is refused);
 * - a worker files for someone else only with an explicit `onBehalfOf`, which is recorded and unverified;
 * - staff enter complaints only on the hotline and walk-in channels, naming the complainant they vouch for
 *   (verified); the complaint is linked to a worker account (who then follows it under /my) only when the phone
 *   is that account's and the ID number matches the identity it recorded.
 * `staffMatch` is the worker account of the phone staff entered, if any.
 */
export function resolveComplainant(
  filer: Filer,
  claim: IntakeClaim,
  staffMatch: Filer | null = null,
): { ok: true; value: ResolvedComplainant } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const staffChannel = STAFF_INTAKE_CHANNELS.includes(claim.channel);
  if (filer.kind === 'STAFF') {
    if (!staffChannel)
      errors.push(
        fieldError(
          'channel',
          'staffChannel',
          '工作人员只能通过 HOTLINE_12333 或 WALK_IN 渠道录入投诉',
          'staff enter complaints on the HOTLINE_12333 or WALK_IN channel',
        ),
      );
    if (claim.onBehalfOf)
      errors.push(
        fieldError(
          'onBehalfOf',
          'staffUseComplainant',
          '工作人员请在 complainant 中填写所代为投诉的人',
          'staff name the person they file for in complainant',
        ),
      );
    const c = claim.complainant;
    if (!c?.name || !c.idNumber || !c.phone)
      errors.push(
        fieldError(
          'complainant',
          'isDefined',
          '工作人员录入时须填写 complainant（姓名、身份证号码和手机号码）',
          'complainant (name, idNumber and phone) is required from staff',
        ),
      );
    if (errors.length || !c) return { ok: false, errors };
    const linked =
      staffMatch && staffMatch.identity?.idNumber === c.idNumber && staffMatch.phone === c.phone
        ? staffMatch
        : null;
    return {
      ok: true,
      value: {
        complainantUserId: linked?.userId ?? null,
        name: c.name ?? null,
        idNumber: c.idNumber ?? null,
        phone: c.phone ?? null,
        // Staff vouch for the person they file for (at the desk, on the line).
        verified: true,
        onBehalfRelationship: null,
        filedByUserId: filer.userId,
      },
    };
  }
  if (staffChannel)
    errors.push(
      fieldError(
        'channel',
        'staffChannel',
        'HOTLINE_12333 和 WALK_IN 渠道的投诉由工作人员录入',
        'HOTLINE_12333 and WALK_IN complaints are entered by staff',
      ),
    );
  if (claim.onBehalfOf) {
    if (claim.complainant)
      errors.push(
        fieldError(
          'complainant',
          'exactlyOne',
          'complainant（本人）与 onBehalfOf（代他人）只能填写其一',
          'give complainant (yourself) or onBehalfOf (someone else), not both',
        ),
      );
    if (errors.length) return { ok: false, errors };
    const o = claim.onBehalfOf;
    return {
      ok: true,
      value: {
        complainantUserId: filer.userId,
        name: o.name ?? null,
        idNumber: o.idNumber ?? null,
        phone: o.phone ?? null,
        verified: false,
        onBehalfRelationship: o.relationship,
        filedByUserId: filer.userId,
      },
    };
  }
  const c = claim.complainant ?? {};
  const own = 'must be your own; to file for someone else use onBehalfOf';
  const ownZh = '为他人投诉请使用 onBehalfOf';
  if (c.phone !== undefined && c.phone !== filer.phone)
    errors.push(
      fieldError(
        'complainant.phone',
        'ownIdentity',
        `complainant.phone 须为您本人账号的手机号码；${ownZh}`,
        `complainant.phone ${own} (your account’s number)`,
      ),
    );
  if (filer.identity) {
    if (c.idNumber !== undefined && c.idNumber !== filer.identity.idNumber)
      errors.push(
        fieldError(
          'complainant.idNumber',
          'ownIdentity',
          `complainant.idNumber 须为您实名信息中的本人身份证号码；${ownZh}`,
          `complainant.idNumber ${own} (as recorded in your profile)`,
        ),
      );
    if (c.name !== undefined && c.name !== filer.identity.realName)
      errors.push(
        fieldError(
          'complainant.name',
          'ownIdentity',
          `complainant.name 须为您实名信息中的本人姓名；${ownZh}`,
          `complainant.name ${own} (as recorded in your profile)`,
        ),
      );
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      complainantUserId: filer.userId,
      name: filer.identity?.realName ?? c.name ?? null,
      idNumber: filer.identity?.idNumber ?? c.idNumber ?? null,
      phone: filer.phone,
      // The account's phone was verified by SMS code; without one (a legacy username) nothing is verified.
      verified: filer.phone !== null,
      onBehalfRelationship: null,
      filedByUserId: filer.userId,
    },
  };
}
