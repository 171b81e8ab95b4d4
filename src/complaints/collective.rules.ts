/** 10 or more workers with a common claim against one employer form a collective dispute (调解仲裁法 第七条). */
export const COLLECTIVE_MIN_WORKERS = 10;
/** They may elect 3 to 5 representatives (调解仲裁法 第七条: 劳动者可以推举代表参加调解、仲裁或者诉讼活动; 办案规则: 三至五名). */
export const REPRESENTATIVES_MIN = 3;
export const REPRESENTATIVES_MAX = 5;

/** Whether the number of representatives is lawful: none (第七条: 可以, not 应当), or 3 to 5. */
export function representativesCountOk(n: number): boolean {
  return n === 0 || (n >= REPRESENTATIVES_MIN && n <= REPRESENTATIVES_MAX);
}
/** Platform policy: complaints received within this many days are grouped into one proposal. */
export const COLLECTIVE_WINDOW_DAYS = 30;

/** A member still in its dispute: not withdrawn (撤回) nor refused (不予受理); routed, told and claimed for. */
export function stillInDispute(status: string): boolean {
  return status !== 'WITHDRAWN' && status !== 'REJECTED';
}

/** A member complaint of a collective dispute as the acting rule reads it: its status, and whether it is the caller's. */
export interface DisputeMemberOfCaller {
  complaintId: string;
  status: string;
  /** The caller is its complainant. */
  own: boolean;
}

/**
 * Whether a worker takes a step for the whole group of a collective dispute (applies for the group's arbitration from
 * its failed mediation). 调解仲裁法 第七条: 劳动者一方在十人以上并有共同请求的，可以推举代表参加调解、仲裁或者诉讼活动;
 * 办案规则 (2017) 第六十三条: 代表人参加仲裁的行为对其所代表的当事人发生效力. Once representatives are elected the group acts
 * through them: only a representative still in the dispute. With none elected (可以, not 应当), or none still in it, no
 * one speaks for the others and every member still in the dispute takes part for themself: any of them, the group's
 * case carrying every member's own claim. A member who withdrew or was refused (stillInDispute) acts for no one.
 */
export function actsForDispute(
  members: readonly DisputeMemberOfCaller[],
  representativeComplaintIds: readonly string[],
): boolean {
  const inDispute = members.filter((m) => stillInDispute(m.status));
  const representatives = inDispute.filter((m) => representativeComplaintIds.includes(m.complaintId));
  return (representatives.length > 0 ? representatives : inDispute).some((m) => m.own);
}

/** A member complaint of a collective dispute with its complainant's account (null: filed for someone without one). */
export interface DisputeMember {
  complaintId: string;
  status: string;
  complainantUserId: string | null;
}

/**
 * The member complaints whose complainant acts for the group (actsForDispute, with that complainant as the caller:
 * their own complaints are those filed under their account, or this one alone without an account). What the group
 * may do next is told to them as theirs to do, and to the other members as their representatives'.
 */
export function membersActingFor(
  members: readonly DisputeMember[],
  representativeComplaintIds: readonly string[],
): Set<string> {
  const ownedBy = (m: DisputeMember) => (x: DisputeMember) =>
    x.complaintId === m.complaintId ||
    (m.complainantUserId !== null && x.complainantUserId === m.complainantUserId);
  return new Set(
    members
      .filter((m) =>
        actsForDispute(
          members.map((x) => ({ complaintId: x.complaintId, status: x.status, own: ownedBy(m)(x) })),
          representativeComplaintIds,
        ),
      )
      .map((m) => m.complaintId),
  );
}

/**
 * Why a member may not leave the group's case, or null: the complaint the case is filed on stays (CASE_COMPLAINT); a
 * representative acts for the others (办案规则 第六十三条) and leaves only after the group elects another
 * (REPRESENTATIVE).
 */
export function memberRemovalRefusal(
  complaintId: string,
  caseComplaintId: string,
  representativeComplaintIds: readonly string[],
): 'CASE_COMPLAINT' | 'REPRESENTATIVE' | null {
  if (complaintId === caseComplaintId) return 'CASE_COMPLAINT';
  return representativeComplaintIds.includes(complaintId) ? 'REPRESENTATIVE' : null;
}
