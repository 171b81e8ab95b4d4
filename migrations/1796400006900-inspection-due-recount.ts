import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before inspection.recount-due existed, a year's schedule loaded after 立案 left the investigation deadline the case
 * stores (investigation_due_on, read by the KPIs and the at-risk list) as first counted. One recount per loaded year
 * is queued through the outbox (the relay publishes it; the worker's handler recounts only cases whose clock now gives
 * another day, so a year already right costs reads only).
 */
export const QUEUE_RECOUNTS = `INSERT INTO outbox_messages (id, queue, job_name, payload)
  SELECT gen_random_uuid(), 'maintenance', 'inspection.recount-due', jsonb_build_object('year', year)
    FROM calendar_years`;

export class InspectionDueRecount1796400006900 implements MigrationInterface {
  name = 'InspectionDueRecount1796400006900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(QUEUE_RECOUNTS);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the recounts are jobs, and a recounted deadline is the clock's own.
  }
}
