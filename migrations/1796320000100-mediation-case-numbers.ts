import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediation case numbers (调字, issue 14.4): a case_no on mediation_cases, unique per committee; a counter row per
 * committee and year; formats per jurisdiction prefix (Pudong's seeded: 浦{street}人调字〔{year}〕第{n}号). Existing
 * cases are numbered in the order they were opened, per committee and year of opened_on, and the counters continue
 * after them.
 */
export class MediationCaseNumbers1796320000100 implements MigrationInterface {
  name = 'MediationCaseNumbers1796320000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mediation_cases" ADD "case_no" character varying(64)`);
    await queryRunner.query(
      `CREATE TABLE "mediation_case_counters" ("organisation_id" uuid NOT NULL, "year" integer NOT NULL, "last_n" integer NOT NULL, CONSTRAINT "PK_mediation_case_counters" PRIMARY KEY ("organisation_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mediation_case_number_formats" ("jurisdiction_prefix" character varying(12) NOT NULL, "format" character varying(64) NOT NULL, "source" text NOT NULL, CONSTRAINT "PK_mediation_case_number_formats" PRIMARY KEY ("jurisdiction_prefix"))`,
    );
    await queryRunner.query(
      `INSERT INTO "mediation_case_number_formats" ("jurisdiction_prefix", "format", "source") VALUES ('310115', '浦{street}人调字〔{year}〕第{n}号', '人民调解卷宗 卷号（司法部《人民调解文书格式》）with the district''s 〔年〕 style (platform seed; configurable)')`,
    );
    // Number the existing cases (the same rules as src/mediation/mediation-case-number.rules.ts).
    await queryRunner.query(
      `WITH numbered AS (
         SELECT m.id, m.organisation_id, EXTRACT(YEAR FROM m.opened_on)::int AS year,
                row_number() OVER (PARTITION BY m.organisation_id, EXTRACT(YEAR FROM m.opened_on)
                                   ORDER BY m.opened_on, m.created_at, m.id) AS n,
                COALESCE((SELECT f.format FROM mediation_case_number_formats f
                           WHERE m.street_code LIKE f.jurisdiction_prefix || '%'
                           ORDER BY length(f.jurisdiction_prefix) DESC LIMIT 1),
                         '{street}人调字〔{year}〕第{n}号') AS format,
                COALESCE(NULLIF(regexp_replace(j.name, '(街道|镇|乡)$', ''), ''), j.name, m.street_code) AS street
           FROM mediation_cases m LEFT JOIN jurisdictions j ON j.code = m.street_code)
       UPDATE mediation_cases m
          SET case_no = replace(replace(replace(x.format, '{street}', x.street), '{year}', x.year::text), '{n}', x.n::text)
         FROM numbered x WHERE x.id = m.id`,
    );
    await queryRunner.query(
      `INSERT INTO mediation_case_counters (organisation_id, year, last_n)
       SELECT organisation_id, EXTRACT(YEAR FROM opened_on)::int, count(*) FROM mediation_cases
        GROUP BY organisation_id, EXTRACT(YEAR FROM opened_on)::int`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mediation_cases_case_no" ON "mediation_cases" ("organisation_id", "case_no") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_mediation_cases_case_no"`);
    await queryRunner.query(`DROP TABLE "mediation_case_number_formats"`);
    await queryRunner.query(`DROP TABLE "mediation_case_counters"`);
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP COLUMN "case_no"`);
  }
}
