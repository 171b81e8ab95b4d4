import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A complaint not about money may state no amount (claimed_amount_fen null, fd2c15d); the arbitration claims built from
 * it (a collective dispute's member's claim, or a mediation's escalation with the complaint's request) recorded 0 fen,
 * read as "claimed nothing". The column takes null, and each claim made from a complaint without an amount — a
 * member's (complaint_id), or an escalated case's own claim without an agreement — with 0 fen becomes null.
 * Idempotent: only 0 is changed, to null.
 */
export const NULL_CLAIMS_WITHOUT_AMOUNT = `
UPDATE arbitration_claims x SET amount_fen = NULL
  FROM arbitration_cases a
  JOIN complaints own ON own.id = a.complaint_id
 WHERE x.case_id = a.id AND x.amount_fen = 0
   AND ((x.complaint_id IS NOT NULL
         AND (SELECT c.claimed_amount_fen FROM complaints c WHERE c.id = x.complaint_id) IS NULL)
     OR (x.complaint_id IS NULL AND a.source = 'MEDIATION' AND own.claimed_amount_fen IS NULL
         AND NOT EXISTS (SELECT 1 FROM mediation_agreements g WHERE g.case_id = a.source_mediation_case_id)))`;

export class ClaimsWithoutAmount1796400008450 implements MigrationInterface {
  name = 'ClaimsWithoutAmount1796400008450';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE arbitration_claims ALTER COLUMN amount_fen DROP NOT NULL`);
    await q.query(NULL_CLAIMS_WITHOUT_AMOUNT);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE arbitration_claims SET amount_fen = 0 WHERE amount_fen IS NULL`);
    await q.query(`ALTER TABLE arbitration_claims ALTER COLUMN amount_fen SET NOT NULL`);
  }
}
