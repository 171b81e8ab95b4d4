import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A party's application that a tribunal member withdraw (回避, 调解仲裁法 第三十三条: orally or in writing), as the
 * commission's staff record it, and the commission's decision on it (ArbitrationRecusal).
 */
export class ArbitrationRecusals1796400010010 implements MigrationInterface {
  name = 'ArbitrationRecusals1796400010010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "arbitration_recusals" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "arbitrator_id" uuid NOT NULL, "side" character varying(12) NOT NULL, "channel" character varying(8) NOT NULL, "grounds" character varying(24) array NOT NULL, "statement" text NOT NULL, "received_on" date NOT NULL, "decision" character varying(8), "decided_on" date, "decision_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1634dd2f1a0246d7e2fb3b62a47" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_arbitration_recusals_case" ON "arbitration_recusals" ("case_id") `);
    await q.query(
      `ALTER TABLE "arbitration_recusals" ADD CONSTRAINT "fk_arbitration_recusals_case" FOREIGN KEY ("case_id") REFERENCES "arbitration_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "arbitration_recusals"`);
  }
}
