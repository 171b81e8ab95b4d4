import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarAndClocks1795687215259 implements MigrationInterface {
  name = 'CalendarAndClocks1795687215259';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_years" ("year" integer NOT NULL, "holidays" text array NOT NULL, "makeup_workdays" text array NOT NULL, "source" character varying(200) NOT NULL, "loaded_by" uuid, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "clocks" ("id" uuid NOT NULL, "case_type" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "rule_id" character varying(48) NOT NULL, "start_date" date NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "stopped_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d0ea9761dab0136878c6ddffee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_clocks_open_by_jurisdiction" ON "clocks"  ("jurisdiction_code") WHERE stopped_on IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_clocks_case" ON "clocks"  ("case_type", "case_id") `);
    await queryRunner.query(
      `CREATE TABLE "clock_events" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(10) NOT NULL, "date" date NOT NULL, "amount" integer, "reason" text, "actor_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_08ee1d588f22ec11fc7771c6a87" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_clock_events_seq" ON "clock_events"  ("clock_id", "seq") `,
    );
    await queryRunner.query(
      `ALTER TABLE "clock_events" ADD CONSTRAINT "fk_clock_events_clock" FOREIGN KEY ("clock_id") REFERENCES "clocks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clock_events" DROP CONSTRAINT "fk_clock_events_clock"`);
    await queryRunner.query(`DROP INDEX "public"."uq_clock_events_seq"`);
    await queryRunner.query(`DROP TABLE "clock_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_clocks_case"`);
    await queryRunner.query(`DROP INDEX "public"."idx_clocks_open_by_jurisdiction"`);
    await queryRunner.query(`DROP TABLE "clocks"`);
    await queryRunner.query(`DROP TABLE "calendar_years"`);
  }
}
