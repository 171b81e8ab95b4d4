import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employer's address as the complainant (or reporter) stated it, kept on their filing beside the name and the
 * contact number they typed (audit of 2026-12-08, M3: an address supplied at intake for a known employer, or in a 补正
 * that asked for exactly that, was dropped — the register keeps only what a verified source gives). Null on filings
 * before this migration and where none was given.
 */
export class ComplaintEmployerAddressStated1796400010300 implements MigrationInterface {
  name = 'ComplaintEmployerAddressStated1796400010300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" ADD "employer_address_stated" character varying(300)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "employer_address_stated"`);
  }
}
