import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a party types about an employer is their statement, kept with their complaint or report
 * (`complaints.employer_name_stated`, `complaints.employer_phone_stated`); the register's name counts once a
 * verified source gave it (`employers.name_confirmed`: a register import, a filing, staff), and an employer's SMS go
 * only to a contact number staff confirmed (`contact_phone_confirmed_at/_by`).
 *
 * Existing rows: a name is confirmed where the row came from the register or a filing, or a register import has
 * since classified it (it set the street); every existing contact number stays on the row as unconfirmed (it was
 * typed by whoever filed first, a reporter included), so nothing is texted to it until staff confirm it. Existing
 * complaints keep no statement (what each party typed was not kept): their views show the register's row as before.
 */
export class EmployerStatements1796400006600 implements MigrationInterface {
  name = 'EmployerStatements1796400006600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "employers" ADD "name_confirmed" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "employers" ADD "contact_phone_confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "employers" ADD "contact_phone_confirmed_by" uuid`);
    await q.query(
      `UPDATE "employers" SET "name_confirmed" = true WHERE "source" IN ('REGISTER', 'FILING') OR "street_code" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "complaints" ADD "employer_name_stated" character varying(200)`);
    await q.query(`ALTER TABLE "complaints" ADD "employer_phone_stated" character varying(11)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "employer_phone_stated"`);
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "employer_name_stated"`);
    await q.query(`ALTER TABLE "employers" DROP COLUMN "contact_phone_confirmed_by"`);
    await q.query(`ALTER TABLE "employers" DROP COLUMN "contact_phone_confirmed_at"`);
    await q.query(`ALTER TABLE "employers" DROP COLUMN "name_confirmed"`);
  }
}
