import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before the 补正 rule paused it (commit b50290b), asking for a 补正 STOPped the complaint's acceptance period
 * (INSPECTION_ACCEPTANCE), so a complaint still waiting for the complainant reads MET ("已在期限内完成") though nothing
 * was decided. For those complaints only (status CORRECTION_REQUESTED, their newest acceptance clock ended by a STOP
 * without a reason as its last event), the STOP becomes the PAUSE the rule writes, same day, with its reason
 * (若干规定 第十八条第三款), and the clock is open again: it reads PAUSED, and the 补正 RESTARTs it (5 working days from
 * the completed complaint, 第十八条第一款) instead of starting a second period beside a MET one. Complaints whose 补正
 * was already supplied keep their history (a stopped period and the one started on the 补正): their current period is
 * right, and rewriting a closed record would need a stop reason the engine does not have.
 */
export const PAUSE_PENDING_CORRECTIONS = `
  WITH newest AS (
    SELECT DISTINCT ON (k.case_id) k.id, k.stopped_on
      FROM clocks k JOIN complaints c ON c.id = k.case_id
     WHERE k.case_type = 'COMPLAINT' AND k.rule_id = 'INSPECTION_ACCEPTANCE' AND c.status = 'CORRECTION_REQUESTED'
     ORDER BY k.case_id, k.created_at DESC, k.id DESC
  ), stops AS (
    SELECT e.id, e.clock_id FROM clock_events e JOIN newest n ON n.id = e.clock_id
     WHERE n.stopped_on IS NOT NULL AND e.type = 'STOP' AND e.reason IS NULL
       AND e.seq = (SELECT max(x.seq) FROM clock_events x WHERE x.clock_id = e.clock_id)
  ), paused AS (
    UPDATE clock_events e SET type = 'PAUSE', reason = $1 FROM stops s WHERE e.id = s.id RETURNING e.clock_id
  )
  UPDATE clocks SET stopped_on = NULL WHERE id IN (SELECT clock_id FROM paused)`;

/** CORRECTION_PAUSE_REASON (complaints.deadline-rules.ts) as of this migration: the reason the rule writes. */
export const CORRECTION_PAUSE_REASON_1796400007700 = '等待投诉人补正投诉材料（若干规定 第十八条第三款）';

export class CorrectionAcceptancePause1796400007700 implements MigrationInterface {
  name = 'CorrectionAcceptancePause1796400007700';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(PAUSE_PENDING_CORRECTIONS, [CORRECTION_PAUSE_REASON_1796400007700]);
  }

  public async down(): Promise<void> {
    // Not undone: the STOP it replaces recorded a decision that was never made.
  }
}
