import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mediation session can be cancelled: when the mediation closes before it (agreement, failure, withdrawal, expiry)
 * it will not take place, and the worker who was texted its date and place is told so. Sessions of cases already
 * closed whose date fell after the closing day are marked cancelled as of the start of that day (Asia/Shanghai): they
 * were never held (the worker's file hid them already).
 */
export class MediationSessionCancelled1796400005100 implements MigrationInterface {
  name = 'MediationSessionCancelled1796400005100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mediation_sessions" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `UPDATE mediation_sessions s
          SET cancelled_at = (m.closed_on::timestamp AT TIME ZONE 'Asia/Shanghai')
         FROM mediation_cases m
        WHERE m.id = s.case_id AND m.closed_on IS NOT NULL
          AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date > m.closed_on`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mediation_sessions" DROP COLUMN "cancelled_at"`);
  }
}
