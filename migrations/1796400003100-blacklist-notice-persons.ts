import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The persons an advance notice of a listing is served on (当事人, 人社部令第45号 第五条), each with their own statement
 * (陈述申辩): one row per person and notice, the resident ID number encrypted with its blind index
 * (common/pii-crypto.ts). Notices served before this migration get no rows: they were the employer's only, and a
 * person cannot be said to have been told of what the platform never recorded — a listing naming persons needs a new
 * notice naming them (LISTING_PERSON_NOT_NOTICED).
 */
export class BlacklistNoticePersons1796400003100 implements MigrationInterface {
  name = 'BlacklistNoticePersons1796400003100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "blacklist_notice_persons" ("id" uuid NOT NULL, "notice_id" uuid NOT NULL, "position" smallint NOT NULL, "role" character varying(24) NOT NULL, "name" character varying(64) NOT NULL, "id_number_enc" text NOT NULL, "id_number_bidx" character varying(64) NOT NULL, "statement_on" date, "statement_summary" text, CONSTRAINT "pk_blacklist_notice_persons" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_blacklist_notice_persons_notice_id_number" ON "blacklist_notice_persons" ("notice_id", "id_number_bidx") `,
    );
    await q.query(
      `ALTER TABLE "blacklist_notice_persons" ADD CONSTRAINT "fk_blacklist_notice_persons_notice" FOREIGN KEY ("notice_id") REFERENCES "blacklist_notices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "blacklist_notice_persons" DROP CONSTRAINT "fk_blacklist_notice_persons_notice"`,
    );
    await q.query(`DROP TABLE "blacklist_notice_persons"`);
  }
}
