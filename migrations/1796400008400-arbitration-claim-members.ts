import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whose claim each item of a collective dispute's arbitration case is (arbitration_claims.complaint_id), so that a
 * member taken out of the case (POST …/members/:complaintId/remove) takes their claims with them. Null: the case's
 * own complaint's (the applicant's claims as given). Existing rows: a member's claim was added as
 * "<tracking number>：<request>" (CollectiveService.disputeClaims), which names its complaint. Idempotent: only rows
 * still without one are read.
 */
export const LINK_MEMBER_CLAIMS = `
UPDATE arbitration_claims x SET complaint_id = c.id
  FROM arbitration_cases a
  JOIN complaints c ON c.collective_dispute_id = a.collective_dispute_id
 WHERE x.case_id = a.id AND x.complaint_id IS NULL AND c.id <> a.complaint_id
   AND left(x.description, char_length(c.tracking_no) + 1) = c.tracking_no || '：'`;

export class ArbitrationClaimMembers1796400008400 implements MigrationInterface {
  name = 'ArbitrationClaimMembers1796400008400';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE arbitration_claims ADD COLUMN IF NOT EXISTS complaint_id uuid`);
    await q.query(LINK_MEMBER_CLAIMS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE arbitration_claims DROP COLUMN complaint_id`);
  }
}
