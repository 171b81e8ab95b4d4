import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Award documents (16.6): a mixed award is two 裁决书 (办案规则 第五十条), each with its service date and the parties'
 * windows (调解仲裁法 第四十八至五十条); 先予执行 rulings (第四十四条). Awards made before this migration get their
 * documents from the claims' finality (served on the recorded service date; set-aside deadline not back-filled).
 */
export class ArbitrationAwardDocuments1796400000510 implements MigrationInterface {
  name = 'ArbitrationAwardDocuments1796400000510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "arbitration_awards" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "kind" character varying(8) NOT NULL, "final" boolean NOT NULL, "claim_ids" uuid array NOT NULL, "issued_on" date NOT NULL, "served_on" date, "suit_deadline" date, "set_aside_deadline" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1309a63b57e22176b4e4510180e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_arbitration_awards_case_seq" ON "arbitration_awards" ("case_id", "seq") `,
    );
    await queryRunner.query(
      `ALTER TABLE "arbitration_awards" ADD CONSTRAINT "fk_arbitration_awards_case" FOREIGN KEY ("case_id") REFERENCES "arbitration_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "arbitration_provisional_executions" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "decided_on" date NOT NULL, "claim_ids" uuid array NOT NULL, "amount_fen" bigint NOT NULL, "basis" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d39113847f76da189095f2b17be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_arbitration_provisional_executions_case" ON "arbitration_provisional_executions" ("case_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "arbitration_provisional_executions" ADD CONSTRAINT "fk_arbitration_provisional_executions_case" FOREIGN KEY ("case_id") REFERENCES "arbitration_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Existing awards: the final items in document 1, the others after them (办案规则 第五十条).
    await queryRunner.query(
      `INSERT INTO "arbitration_awards" ("id", "case_id", "seq", "kind", "final", "claim_ids", "issued_on", "served_on", "suit_deadline")
       SELECT gen_random_uuid(), d.case_id, row_number() OVER (PARTITION BY d.case_id ORDER BY d.final DESC), 'AWARD',
              d.final, d.claim_ids, c.closed_on, c.award_served_on, c.suit_deadline
         FROM (SELECT case_id, "final", array_agg(id ORDER BY seq) AS claim_ids
                 FROM arbitration_claims WHERE "final" IS NOT NULL GROUP BY case_id, "final") d
         JOIN arbitration_cases c ON c.id = d.case_id
        WHERE c.closure_type = 'AWARD' AND c.closed_on IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "arbitration_provisional_executions"`);
    await queryRunner.query(`DROP TABLE "arbitration_awards"`);
  }
}
