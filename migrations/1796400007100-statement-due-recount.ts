import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before compliance.recount-statement-due existed, a year's schedule loaded after a notice of intended listing left
 * the statement period the notice stores (blacklist_notices.statement_due_on, read by the listing and a statement's
 * timing) as first counted. One recount per loaded year is queued through the outbox (the relay publishes it; the
 * worker's handler recounts only undecided notices whose period now ends on another day, so a year already right
 * costs reads only).
 */
export const QUEUE_STATEMENT_RECOUNTS = `INSERT INTO outbox_messages (id, queue, job_name, payload)
  SELECT gen_random_uuid(), 'maintenance', 'compliance.recount-statement-due', jsonb_build_object('year', year)
    FROM calendar_years`;

export class StatementDueRecount1796400007100 implements MigrationInterface {
  name = 'StatementDueRecount1796400007100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(QUEUE_STATEMENT_RECOUNTS);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the recounts are jobs, and a recounted period is the calendar's own count.
  }
}
