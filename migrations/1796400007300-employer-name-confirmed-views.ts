import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employers' read contracts for the search and compliance gain `name_confirmed` (migration 1796400006600), so a
 * search hit and a blacklist person lookup say whether the employer's name is the register's or still provisional,
 * as a complaint or a report typed it. Column added at the end (CREATE OR REPLACE).
 */
export const EMPLOYER_NAME_CONFIRMED_VIEWS: Record<string, string> = {
  // reference → search
  employer_search_source: `SELECT id, name, uscc, name_confirmed FROM employers`,
  // reference → compliance
  employer_compliance_source: `SELECT id, name, uscc, address, street_code, name_confirmed FROM employers`,
};

const BEFORE: Record<string, string> = {
  employer_search_source: `SELECT id, name, uscc FROM employers`,
  employer_compliance_source: `SELECT id, name, uscc, address, street_code FROM employers`,
};

export class EmployerNameConfirmedViews1796400007300 implements MigrationInterface {
  name = 'EmployerNameConfirmedViews1796400007300';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(EMPLOYER_NAME_CONFIRMED_VIEWS))
      await q.query(`CREATE OR REPLACE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view's columns cannot be taken away by CREATE OR REPLACE.
    for (const [name, select] of Object.entries(BEFORE)) {
      await q.query(`DROP VIEW "${name}"`);
      await q.query(`CREATE VIEW "${name}" AS ${select}`);
    }
  }
}
