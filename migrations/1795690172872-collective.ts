import { MigrationInterface, QueryRunner } from 'typeorm';

export class Collective1795690172872 implements MigrationInterface {
  name = 'Collective1795690172872';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collective_disputes" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "category" character varying(32) NOT NULL, "representative_complaint_ids" uuid array NOT NULL, "priority" boolean NOT NULL DEFAULT true, "confirmed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9155faf08ee807bff6c1922eea5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_collective_disputes_employer" ON "collective_disputes"  ("employer_id", "category") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collective_proposal_dismissals" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "category" character varying(32) NOT NULL, "dismissed_on" date NOT NULL, "dismissed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9139f6b5d4165843467511315bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "complaints" ADD "collective_dispute_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_collective_dispute" FOREIGN KEY ("collective_dispute_id") REFERENCES "collective_disputes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_collective_dispute"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "collective_dispute_id"`);
    await queryRunner.query(`DROP TABLE "collective_proposal_dismissals"`);
    await queryRunner.query(`DROP INDEX "public"."idx_collective_disputes_employer"`);
    await queryRunner.query(`DROP TABLE "collective_disputes"`);
  }
}
