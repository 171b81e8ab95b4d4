import { MigrationInterface, QueryRunner } from 'typeorm';

/** reference → search: the grams, read only through this view (docs/read-contracts.md). */
export const NAME_GRAM_READ_CONTRACT_VIEWS: Record<string, string> = {
  employer_name_search_source: `SELECT gram, employer_id FROM employer_name_grams`,
};

/**
 * The employer-name search by one- and two-character grams (issue 17.3). Chinese employer names are searched by
 * fragments of one or two characters ("物流", "华"); pg_trgm yields no trigram for a fragment under three
 * characters, so its index could not serve them and every search read each employer's name with ILIKE (pudong,
 * 30 k employers: 8–11 ms, and again inside each kind of case). `employer_name_grams` holds each employer's
 * lower-cased name's distinct characters and character pairs, keyed by gram: the employers holding a fragment of one
 * or two characters are one index range, exactly. Longer fragments stay with the trigram index.
 *
 * The table is the employers register's own (reference), kept by statement triggers on `employers` from their
 * transition tables: one set-based statement per INSERT, COPY or UPDATE, renames included. ENABLE ALWAYS: they fire
 * in `session_replication_role = replica` too, which the synthetic loader sets to skip foreign-key checks.
 */
export class EmployerNameGrams1796400001600 implements MigrationInterface {
  name = 'EmployerNameGrams1796400001600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE FUNCTION search_name_grams(s text) RETURNS text[]
         LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
           SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
             SELECT substr(lower(s), i, 1) AS g FROM generate_series(1, char_length(s)) i
             UNION ALL
             SELECT substr(lower(s), i, 2) FROM generate_series(1, char_length(s) - 1) i) t $$`,
    );
    await q.query(
      `CREATE TABLE "employer_name_grams" (
         "gram" text NOT NULL,
         "employer_id" uuid NOT NULL,
         CONSTRAINT "pk_employer_name_grams" PRIMARY KEY ("gram", "employer_id"),
         CONSTRAINT "fk_employer_name_grams_employer" FOREIGN KEY ("employer_id")
           REFERENCES "employers" ("id") ON DELETE CASCADE)`,
    );
    await q.query(`CREATE INDEX "idx_employer_name_grams_employer" ON "employer_name_grams" ("employer_id")`);
    await q.query(
      `CREATE FUNCTION employer_name_grams_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO employer_name_grams (gram, employer_id)
           SELECT g, n.id FROM new_rows n CROSS JOIN LATERAL unnest(search_name_grams(n.name)) g;
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE FUNCTION employer_name_grams_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM employer_name_grams g USING old_rows o JOIN new_rows n ON n.id = o.id
          WHERE g.employer_id = o.id AND n.name IS DISTINCT FROM o.name;
         INSERT INTO employer_name_grams (gram, employer_id)
           SELECT g, n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
                  CROSS JOIN LATERAL unnest(search_name_grams(n.name)) g
            WHERE n.name IS DISTINCT FROM o.name;
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "trg_employer_name_grams_insert" AFTER INSERT ON "employers"
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employer_name_grams_inserted()`,
    );
    await q.query(
      `CREATE TRIGGER "trg_employer_name_grams_update" AFTER UPDATE ON "employers"
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION employer_name_grams_renamed()`,
    );
    await q.query(`ALTER TABLE "employers" ENABLE ALWAYS TRIGGER "trg_employer_name_grams_insert"`);
    await q.query(`ALTER TABLE "employers" ENABLE ALWAYS TRIGGER "trg_employer_name_grams_update"`);
    await q.query(
      `INSERT INTO employer_name_grams (gram, employer_id)
         SELECT g, e.id FROM employers e CROSS JOIN LATERAL unnest(search_name_grams(e.name)) g`,
    );
    for (const [name, select] of Object.entries(NAME_GRAM_READ_CONTRACT_VIEWS))
      await q.query(`CREATE VIEW "${name}" AS ${select}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(NAME_GRAM_READ_CONTRACT_VIEWS)) await q.query(`DROP VIEW "${name}"`);
    await q.query(`DROP TRIGGER "trg_employer_name_grams_update" ON "employers"`);
    await q.query(`DROP TRIGGER "trg_employer_name_grams_insert" ON "employers"`);
    await q.query(`DROP FUNCTION employer_name_grams_renamed()`);
    await q.query(`DROP FUNCTION employer_name_grams_inserted()`);
    await q.query(`DROP TABLE "employer_name_grams"`);
    await q.query(`DROP FUNCTION search_name_grams(text)`);
  }
}
