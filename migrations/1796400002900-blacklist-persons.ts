import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The persons listed with the employer on the 拖欠农民工工资失信联合惩戒名单 (当事人, 人社部令第45号 第五条: 该用人单位及其
 * 法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员): one row per person and listing, the resident ID number
 * encrypted with its blind index (common/pii-crypto.ts). Listings made before this migration name nobody: the
 * platform recorded the employer alone, and a person's identity cannot be derived from anything stored.
 */
export class BlacklistPersons1796400002900 implements MigrationInterface {
  name = 'BlacklistPersons1796400002900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "wage_arrears_blacklist_persons" ("id" uuid NOT NULL, "listing_id" uuid NOT NULL, "position" smallint NOT NULL, "role" character varying(24) NOT NULL, "name" character varying(64) NOT NULL, "id_number_enc" text NOT NULL, "id_number_bidx" character varying(64) NOT NULL, CONSTRAINT "pk_wage_arrears_blacklist_persons" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_wage_arrears_blacklist_persons_listing_id_number" ON "wage_arrears_blacklist_persons" ("listing_id", "id_number_bidx") `,
    );
    await q.query(
      `CREATE INDEX "idx_wage_arrears_blacklist_persons_id_number_bidx" ON "wage_arrears_blacklist_persons" ("id_number_bidx") `,
    );
    await q.query(
      `ALTER TABLE "wage_arrears_blacklist_persons" ADD CONSTRAINT "fk_wage_arrears_blacklist_persons_listing" FOREIGN KEY ("listing_id") REFERENCES "wage_arrears_blacklist"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "wage_arrears_blacklist_persons" DROP CONSTRAINT "fk_wage_arrears_blacklist_persons_listing"`,
    );
    await q.query(`DROP TABLE "wage_arrears_blacklist_persons"`);
  }
}
