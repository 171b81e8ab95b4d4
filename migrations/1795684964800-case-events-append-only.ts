import { MigrationInterface, QueryRunner } from 'typeorm';

/** case_events is an audit trail: rows may be added, never changed or removed. */
export class CaseEventsAppendOnly1795684964800 implements MigrationInterface {
  name = 'CaseEventsAppendOnly1795684964800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER case_events_no_truncate ON case_events');
    await queryRunner.query('DROP TRIGGER case_events_no_update_delete ON case_events');
    await queryRunner.query('DROP FUNCTION case_events_append_only()');
  }
}
