import { MigrationInterface, QueryRunner } from 'typeorm';

export class Compliance1795694043078 implements MigrationInterface {
  name = 'Compliance1795694043078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "employer_violations" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "source_type" character varying(12) NOT NULL, "source_id" uuid, "found_on" date NOT NULL, "kinds" text array NOT NULL, "arrears_fen" bigint NOT NULL DEFAULT '0', "workers_affected" integer NOT NULL DEFAULT '0', "order_refused" boolean NOT NULL DEFAULT false, "mass_incident" boolean NOT NULL DEFAULT false, "criminal_transfer" boolean NOT NULL DEFAULT false, "meets_crime_threshold" boolean NOT NULL DEFAULT false, "major" boolean NOT NULL DEFAULT false, "facts" text NOT NULL DEFAULT '', "handling" text NOT NULL DEFAULT '', "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2994d6ba37346c1b38ed9a1bdeb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_employer_violations_source" ON "employer_violations"  ("source_type", "source_id") WHERE source_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_employer_violations_found" ON "employer_violations"  ("found_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_employer_violations_employer_found" ON "employer_violations"  ("employer_id", "found_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "wage_arrears_blacklist" ("id" uuid NOT NULL, "employer_id" uuid NOT NULL, "violation_id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "status" character varying(8) NOT NULL, "reasons" text array NOT NULL, "listed_on" date NOT NULL, "expires_on" date NOT NULL, "listed_by" uuid NOT NULL, "removed_on" date, "removed_by" uuid, "corrected_on" date, "commitment_on" date, "removal_note" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae8356f395ee768e1f657cec426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_wage_arrears_blacklist_status_expires" ON "wage_arrears_blacklist"  ("status", "expires_on") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_wage_arrears_blacklist_listed_employer" ON "wage_arrears_blacklist"  ("employer_id") WHERE status = 'LISTED'`,
    );
    await queryRunner.query(
      `CREATE TABLE "employer_grades" ("employer_id" uuid NOT NULL, "year" integer NOT NULL, "grade" character(1) NOT NULL, "reasons" jsonb NOT NULL, "violation_count" integer NOT NULL DEFAULT '0', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b09bdc6823ad7892e074e7484b5" PRIMARY KEY ("employer_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_employer_grades_year_grade" ON "employer_grades"  ("year", "grade") `,
    );
    await queryRunner.query(
      `CREATE TABLE "violation_publications" ("id" uuid NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "year" integer NOT NULL, "quarter" integer NOT NULL, "published_on" date NOT NULL, "published_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d342b5c3e9f1ce6fb0272164a38" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_violation_publications_quarter" ON "violation_publications"  ("jurisdiction_code", "year", "quarter") `,
    );
    await queryRunner.query(
      `CREATE TABLE "violation_publication_items" ("violation_id" uuid NOT NULL, "publication_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "employer_name" character varying(200) NOT NULL, "uscc" character(18), "address" character varying(300), "found_on" date NOT NULL, "kinds" text array NOT NULL, "arrears_fen" bigint NOT NULL DEFAULT '0', "workers_affected" integer NOT NULL DEFAULT '0', "facts" text NOT NULL, "handling" text NOT NULL, CONSTRAINT "PK_5208e408e7054db4188ef6a0b60" PRIMARY KEY ("violation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_violation_publication_items_publication" ON "violation_publication_items"  ("publication_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_violations" ADD CONSTRAINT "fk_employer_violations_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wage_arrears_blacklist" ADD CONSTRAINT "fk_wage_arrears_blacklist_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wage_arrears_blacklist" ADD CONSTRAINT "fk_wage_arrears_blacklist_violation" FOREIGN KEY ("violation_id") REFERENCES "employer_violations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "violation_publication_items" ADD CONSTRAINT "fk_violation_publication_items_violation" FOREIGN KEY ("violation_id") REFERENCES "employer_violations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "violation_publication_items" ADD CONSTRAINT "fk_violation_publication_items_publication" FOREIGN KEY ("publication_id") REFERENCES "violation_publications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "violation_publication_items" DROP CONSTRAINT "fk_violation_publication_items_publication"`,
    );
    await queryRunner.query(
      `ALTER TABLE "violation_publication_items" DROP CONSTRAINT "fk_violation_publication_items_violation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "wage_arrears_blacklist" DROP CONSTRAINT "fk_wage_arrears_blacklist_violation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "wage_arrears_blacklist" DROP CONSTRAINT "fk_wage_arrears_blacklist_employer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_violations" DROP CONSTRAINT "fk_employer_violations_employer"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_violation_publication_items_publication"`);
    await queryRunner.query(`DROP TABLE "violation_publication_items"`);
    await queryRunner.query(`DROP INDEX "public"."uq_violation_publications_quarter"`);
    await queryRunner.query(`DROP TABLE "violation_publications"`);
    await queryRunner.query(`DROP INDEX "public"."idx_employer_grades_year_grade"`);
    await queryRunner.query(`DROP TABLE "employer_grades"`);
    await queryRunner.query(`DROP INDEX "public"."uq_wage_arrears_blacklist_listed_employer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_wage_arrears_blacklist_status_expires"`);
    await queryRunner.query(`DROP TABLE "wage_arrears_blacklist"`);
    await queryRunner.query(`DROP INDEX "public"."idx_employer_violations_employer_found"`);
    await queryRunner.query(`DROP INDEX "public"."idx_employer_violations_found"`);
    await queryRunner.query(`DROP INDEX "public"."uq_employer_violations_source"`);
    await queryRunner.query(`DROP TABLE "employer_violations"`);
  }
}
