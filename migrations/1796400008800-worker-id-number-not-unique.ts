import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An ID number a worker types into his profile is unverified (no real-name check against 公安 data here), so it no
 * longer binds one account: the unique index on `worker_identities.id_number_bidx` let whoever typed a number first
 * lock its owner out (and answered, to anyone, whether a number was registered). Nothing looks identities up by ID
 * number (linking a complaint needs the account's SMS-proven phone as well), so no index replaces it.
 */
export class WorkerIdNumberNotUnique1796400008800 implements MigrationInterface {
  name = 'WorkerIdNumberNotUnique1796400008800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_worker_identities_id_number_bidx"`);
  }

  /** Fails while two accounts hold the same ID number: which one keeps it is for staff to decide, not a migration. */
  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX "uq_worker_identities_id_number_bidx" ON "worker_identities"  ("id_number_bidx") `,
    );
  }
}
