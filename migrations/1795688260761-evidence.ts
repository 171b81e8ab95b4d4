import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1795688260761 implements MigrationInterface {
  name = 'Evidence1795688260761';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "filename" character varying(200) NOT NULL, "content_type" character varying(40) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(100) NOT NULL, "description" text, "uploaded_by_user_id" uuid, "uploaded_by_role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attachments_storage_key" ON "attachments"  ("storage_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_attachments_complaint_created" ON "attachments"  ("complaint_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "fk_attachments_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "fk_attachments_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_attachments_complaint_created"`);
    await queryRunner.query(`DROP INDEX "public"."uq_attachments_storage_key"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
