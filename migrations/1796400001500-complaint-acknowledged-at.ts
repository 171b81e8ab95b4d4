import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The acknowledgement's mark on the complaint row (issue 17): `acknowledged_at` is claimed with the ACKNOWLEDGED
 * event in one transaction (ComplaintsService.acknowledge), so the job reads and claims it on the row instead of
 * looking the event up twice. Complaints acknowledged before this migration take their event's time.
 */
export class ComplaintAcknowledgedAt1796400001500 implements MigrationInterface {
  name = 'ComplaintAcknowledgedAt1796400001500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `UPDATE complaints c SET acknowledged_at = e.occurred_at
         FROM (SELECT case_id, min(occurred_at) AS occurred_at FROM case_events
                WHERE case_type = 'COMPLAINT' AND action = 'ACKNOWLEDGED' GROUP BY case_id) e
        WHERE e.case_id = c.id`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "acknowledged_at"`);
  }
}
