import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker's arbitration application ends their open mediation (MediationOnApplication); its 15-day clock was stopped
 * with reason WITHDRAWN, so the case file read 调解期限：调解已撤回 though the worker withdrew nothing. The clock now
 * records reason ARBITRATION (plain-deadline.ts words it 因申请劳动争议仲裁，调解已结束). Each such STOP already
 * recorded is given that reason: a mediation clock whose case's withdrawal event names the application
 * (MEDIATION_WITHDRAWN, reason ARBITRATION_APPLIED). Idempotent: a second run finds no WITHDRAWN stop left to change.
 */
export const STOPPED_BY_APPLICATION = `
UPDATE clock_events e SET reason = 'ARBITRATION'
  FROM clocks k
 WHERE e.clock_id = k.id
   AND k.case_type = 'MEDIATION'
   AND k.rule_id = 'MEDIATION'
   AND e.type = 'STOP'
   AND e.reason = 'WITHDRAWN'
   AND EXISTS (SELECT 1 FROM case_events ce
                WHERE ce.case_type = 'COMPLAINT'
                  AND ce.action = 'MEDIATION_WITHDRAWN'
                  AND ce.data->>'mediationCaseId' = k.case_id::text
                  AND ce.data->>'reason' = 'ARBITRATION_APPLIED')`;

export class MediationClockStoppedByApplication1796400008700 implements MigrationInterface {
  name = 'MediationClockStoppedByApplication1796400008700';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(STOPPED_BY_APPLICATION);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE clock_events e SET reason = 'WITHDRAWN'
      FROM clocks k WHERE e.clock_id = k.id AND k.case_type = 'MEDIATION' AND k.rule_id = 'MEDIATION'
       AND e.type = 'STOP' AND e.reason = 'ARBITRATION'`);
  }
}
