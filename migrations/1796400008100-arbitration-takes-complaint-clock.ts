import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before an arbitration application ended the complaint's acceptance period (ComplaintTakeUp.takenUpByArbitration), a
 * worker's direct application left it running: the worker's file showed 投诉受理期限 as the next deadline after an
 * award, and it would breach. Each such clock still running (or paused) gets the STOP it would have had, reason
 * ARBITRATION (ENDED, or BREACHED if already late then), dated the day the first application on the complaint or its
 * collective dispute was recorded (Asia/Shanghai) — never before the clock's own last date. Idempotent: only clocks
 * not stopped are touched, so a second run finds none.
 */
export const END_CLOCKS_TAKEN_BY_ARBITRATION = `
WITH taken AS (
  SELECT k.id AS clock_id,
         GREATEST(
           (SELECT min(a.created_at AT TIME ZONE 'Asia/Shanghai')::date
              FROM arbitration_cases a
             WHERE a.complaint_id = c.id
                OR (c.collective_dispute_id IS NOT NULL AND a.collective_dispute_id = c.collective_dispute_id)),
           k.start_date,
           (SELECT max(e.date) FROM clock_events e WHERE e.clock_id = k.id)
         ) AS on_date,
         COALESCE((SELECT max(e.seq) FROM clock_events e WHERE e.clock_id = k.id), 0) + 1 AS seq
    FROM clocks k
    JOIN complaints c ON c.id = k.case_id
   WHERE k.case_type = 'COMPLAINT'
     AND k.rule_id = 'INSPECTION_ACCEPTANCE'
     AND k.stopped_on IS NULL
     AND EXISTS (SELECT 1 FROM arbitration_cases a
                  WHERE a.complaint_id = c.id
                     OR (c.collective_dispute_id IS NOT NULL AND a.collective_dispute_id = c.collective_dispute_id))
), stopped AS (
  INSERT INTO clock_events (id, clock_id, seq, type, date, reason)
  SELECT gen_random_uuid(), clock_id, seq, 'STOP', on_date, 'ARBITRATION' FROM taken
  RETURNING clock_id, date
)
UPDATE clocks k SET stopped_on = s.date FROM stopped s WHERE k.id = s.clock_id`;

export class ArbitrationTakesComplaintClock1796400008100 implements MigrationInterface {
  name = 'ArbitrationTakesComplaintClock1796400008100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(END_CLOCKS_TAKEN_BY_ARBITRATION);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the clocks read as the application would have stopped them.
  }
}
