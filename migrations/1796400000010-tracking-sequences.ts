import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracking numbers from per-year sequences (issue 17, src/complaints/tracking-sequence.ts): each year already
 * counted in `tracking_counters` gets its sequence, starting after the last number handed out. Later years'
 * sequences are created by their first intake.
 */
export class TrackingSequences1796400000010 implements MigrationInterface {
  name = 'TrackingSequences1796400000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT prefix, year, last_value FROM tracking_counters WHERE prefix ~ '^[A-Z]{2}$'`,
    )) as { prefix: string; year: number; last_value: number }[];
    for (const r of rows)
      await queryRunner.query(
        `CREATE SEQUENCE IF NOT EXISTS tracking_seq_${r.prefix.toLowerCase()}_${Number(r.year)} START WITH ${Number(r.last_value) + 1}`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Hand the numbers back to the counters, then drop the sequences.
    const seqs = (await queryRunner.query(
      `SELECT sequencename AS name FROM pg_sequences WHERE sequencename ~ '^tracking_seq_[a-z]{2}_[0-9]{4}$'`,
    )) as { name: string }[];
    for (const { name } of seqs) {
      const [, prefix, year] = /^tracking_seq_([a-z]{2})_([0-9]{4})$/.exec(name)!;
      await queryRunner.query(
        `INSERT INTO tracking_counters (prefix, year, last_value)
         SELECT $1, $2, COALESCE(last_value, 0) FROM pg_sequences WHERE sequencename = $3
         ON CONFLICT (prefix, year) DO UPDATE SET last_value = GREATEST(tracking_counters.last_value, EXCLUDED.last_value)`,
        [prefix.toUpperCase(), Number(year), name],
      );
      await queryRunner.query(`DROP SEQUENCE ${name}`);
    }
  }
}
