import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inspection1795693925917 implements MigrationInterface {
  name = 'Inspection1795693925917';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inspection_cases" ("id" uuid NOT NULL, "case_no" character varying(24) NOT NULL, "source" character varying(12) NOT NULL, "complaint_id" uuid, "plan_id" uuid, "employer_id" uuid, "jurisdiction_code" character varying(12) NOT NULL, "organisation_id" uuid NOT NULL, "status" character varying(24) NOT NULL, "received_on" date NOT NULL, "acceptance_due_on" date NOT NULL, "accepted_on" date, "refused_on" date, "refusal_reasons" character varying array, "refusal_text" text, "violation_ended_on" date, "investigation_due_on" date, "extended_days" integer NOT NULL DEFAULT '0', "closed_on" date, "closure_type" character varying(16), "violation_found" boolean, "arrears_fen" bigint NOT NULL DEFAULT '0', "workers_affected" integer NOT NULL DEFAULT '0', "months_unpaid" integer, "recovered_fen" bigint NOT NULL DEFAULT '0', "recovered_workers" integer NOT NULL DEFAULT '0', "penalty_fen" bigint NOT NULL DEFAULT '0', "rectify_due_on" date, "order_refused" boolean NOT NULL DEFAULT false, "transferred_to_police" boolean NOT NULL DEFAULT false, "mass_incident" boolean NOT NULL DEFAULT false, "assigned_inspector_ids" uuid array NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e44601ad99b8351bbc0cb992163" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspection_cases_case_no" ON "inspection_cases"  ("case_no") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_cases_employer" ON "inspection_cases"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_cases_street_status" ON "inspection_cases"  ("jurisdiction_code", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_cases_complaint" ON "inspection_cases"  ("complaint_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inspection_counters" ("scope" character varying(24) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_10388697c5888e41d950614c5e9" PRIMARY KEY ("scope", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "inspection_documents" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "doc_no" character varying(40) NOT NULL, "issued_on" date NOT NULL, "employer_facing" boolean NOT NULL, "body" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0530620e95be8519a3a6d5fecda" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspection_documents_doc_no" ON "inspection_documents"  ("doc_no") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_documents_case" ON "inspection_documents"  ("case_id", "issued_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inspection_recoveries" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "paid_on" date NOT NULL, "amount_fen" bigint NOT NULL, "workers_covered" integer NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53511bc843b751076182abcbd2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_recoveries_case" ON "inspection_recoveries"  ("case_id", "paid_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "wage_crime_thresholds" ("id" uuid NOT NULL, "province_code" character varying(2) NOT NULL, "effective_from" date NOT NULL, "single_worker_fen" bigint NOT NULL, "single_worker_min_months" integer NOT NULL, "multi_workers" integer NOT NULL, "multi_workers_total_fen" bigint NOT NULL, "basis" text NOT NULL, "verified" boolean NOT NULL DEFAULT true, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3d96034221447f47fb933942c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_wage_crime_thresholds_province_from" ON "wage_crime_thresholds"  ("province_code", "effective_from") `,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_cases" ADD CONSTRAINT "fk_inspection_cases_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_cases" ADD CONSTRAINT "fk_inspection_cases_employer" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_cases" ADD CONSTRAINT "fk_inspection_cases_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_documents" ADD CONSTRAINT "fk_inspection_documents_case" FOREIGN KEY ("case_id") REFERENCES "inspection_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_recoveries" ADD CONSTRAINT "fk_inspection_recoveries_case" FOREIGN KEY ("case_id") REFERENCES "inspection_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // 拒不支付劳动报酬罪 "数额较大" per province (法释〔2013〕3号 第三条); see docs/legal-rules.md for the sources.
    await queryRunner.query(
      `INSERT INTO "wage_crime_thresholds" ("id", "province_code", "effective_from", "single_worker_fen", "single_worker_min_months", "multi_workers", "multi_workers_total_fen", "basis", "verified") VALUES
            ('0193a1f0-0000-7000-8000-000000000031', '31', '2013-01-23', 2000000, 3, 10, 10000000, '上海市：本市具体数额标准未能核对原文；暂按法释〔2013〕3号第三条幅度上限（二万元、十万元）配置，待核实后由管理员新增生效行', false),
            ('0193a1f0-0000-7000-8000-000000000032', '32', '2014-01-15', 1000000, 3, 10, 6000000, '江苏省高级人民法院《关于江苏省执行拒不支付劳动报酬罪数额标准的意见》（2014年1月15日施行）', true),
            ('0193a1f0-0000-7000-8000-000000000043', '43', '2014-01-01', 600000, 3, 10, 4000000, '湖南省高级人民法院《关于审理拒不支付劳动报酬刑事案件执行数额标准的规定》（2014年1月1日施行）', true)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "inspection_recoveries" DROP CONSTRAINT "fk_inspection_recoveries_case"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_documents" DROP CONSTRAINT "fk_inspection_documents_case"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_cases" DROP CONSTRAINT "fk_inspection_cases_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "inspection_cases" DROP CONSTRAINT "fk_inspection_cases_employer"`);
    await queryRunner.query(`ALTER TABLE "inspection_cases" DROP CONSTRAINT "fk_inspection_cases_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."uq_wage_crime_thresholds_province_from"`);
    await queryRunner.query(`DROP TABLE "wage_crime_thresholds"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_recoveries_case"`);
    await queryRunner.query(`DROP TABLE "inspection_recoveries"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_documents_case"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inspection_documents_doc_no"`);
    await queryRunner.query(`DROP TABLE "inspection_documents"`);
    await queryRunner.query(`DROP TABLE "inspection_counters"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_cases_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_cases_street_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_cases_employer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inspection_cases_case_no"`);
    await queryRunner.query(`DROP TABLE "inspection_cases"`);
  }
}
