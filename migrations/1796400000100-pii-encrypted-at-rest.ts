import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewritePiiColumns } from '../src/database/migration-pii';

/**
 * Personal data encrypted at rest (issue 15, docs/security.md): complainants' ID numbers and phones, workers'
 * recorded ID numbers and the phones of sign-in codes become AES-256-GCM ciphertext (`*_enc`) plus an HMAC blind
 * index (`*_bidx`) for exact lookups; existing rows are encrypted here with PII_KEY (or the embedded default's
 * .data/pii-key), then the plaintext columns are dropped. Also the log of staff reads of unmasked personal data.
 */
export class PiiEncryptedAtRest1796400000100 implements MigrationInterface {
  name = 'PiiEncryptedAtRest1796400000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "complaints" ADD "complainant_id_number_enc" text`);
    await q.query(`ALTER TABLE "complaints" ADD "complainant_id_number_bidx" character varying(64)`);
    await q.query(`ALTER TABLE "complaints" ADD "complainant_phone_enc" text`);
    await q.query(`ALTER TABLE "complaints" ADD "complainant_phone_bidx" character varying(64)`);
    await rewritePiiColumns(
      q,
      {
        table: 'complaints',
        key: 'id',
        read: ['complainant_id_number', 'complainant_phone'],
        write: [
          'complainant_id_number_enc',
          'complainant_id_number_bidx',
          'complainant_phone_enc',
          'complainant_phone_bidx',
        ],
      },
      (r, pii) => [
        pii.encryptNullable(r.complainant_id_number),
        pii.blindIndexNullable('id_number', r.complainant_id_number),
        pii.encryptNullable(r.complainant_phone),
        pii.blindIndexNullable('phone', r.complainant_phone),
      ],
    );
    await q.query(`DROP INDEX "public"."idx_complaints_complainant_phone"`);
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "complainant_phone"`);
    await q.query(`ALTER TABLE "complaints" DROP COLUMN "complainant_id_number"`);
    await q.query(
      `CREATE INDEX "idx_complaints_complainant_phone_bidx" ON "complaints"  ("complainant_phone_bidx") WHERE complainant_phone_bidx IS NOT NULL`,
    );

    await q.query(`ALTER TABLE "worker_identities" ADD "id_number_enc" text`);
    await q.query(`ALTER TABLE "worker_identities" ADD "id_number_bidx" character varying(64)`);
    await rewritePiiColumns(
      q,
      {
        table: 'worker_identities',
        key: 'user_id',
        read: ['id_number'],
        write: ['id_number_enc', 'id_number_bidx'],
      },
      (r, pii) => [pii.encrypt(r.id_number!), pii.blindIndex('id_number', r.id_number!)],
    );
    await q.query(`ALTER TABLE "worker_identities" DROP CONSTRAINT "UQ_0644d59f53b35c24301fbc74f06"`);
    await q.query(`ALTER TABLE "worker_identities" DROP COLUMN "id_number"`);
    await q.query(`ALTER TABLE "worker_identities" ALTER COLUMN "id_number_enc" SET NOT NULL`);
    await q.query(`ALTER TABLE "worker_identities" ALTER COLUMN "id_number_bidx" SET NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_worker_identities_id_number_bidx" ON "worker_identities"  ("id_number_bidx") `,
    );

    await q.query(`ALTER TABLE "otp_codes" ADD "phone_bidx" character varying(64)`);
    await rewritePiiColumns(
      q,
      { table: 'otp_codes', key: 'id', read: ['phone'], write: ['phone_bidx'] },
      (r, pii) => [pii.blindIndex('phone', r.phone!)],
    );
    await q.query(`DROP INDEX "public"."idx_otp_codes_phone_created"`);
    await q.query(`ALTER TABLE "otp_codes" DROP COLUMN "phone"`);
    await q.query(`ALTER TABLE "otp_codes" ALTER COLUMN "phone_bidx" SET NOT NULL`);
    await q.query(
      `CREATE INDEX "idx_otp_codes_phone_bidx_created" ON "otp_codes"  ("phone_bidx", "created_at") `,
    );

    await q.query(
      `CREATE TABLE "pii_access_log" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "case_type" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "purpose" character varying(64) NOT NULL, "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b5448828374f1904a07fc0842cb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_pii_access_log_accessed" ON "pii_access_log"  ("accessed_at") `);
    await q.query(`CREATE INDEX "idx_pii_access_log_case" ON "pii_access_log"  ("case_id", "accessed_at") `);
    await q.query(`CREATE INDEX "idx_pii_access_log_user" ON "pii_access_log"  ("user_id", "accessed_at") `);
    await q.query(
      `ALTER TABLE "pii_access_log" ADD CONSTRAINT "fk_pii_access_log_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  /** Back to plaintext (needs the same keys): for a rollback only. */
  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pii_access_log"`);

    await q.query(`ALTER TABLE "otp_codes" ADD "phone" character varying(11)`);
    // A code is only ever found by its phone's index, which cannot be reversed: live codes are given up.
    await q.query(`DELETE FROM "otp_codes"`);
    await q.query(`DROP INDEX "public"."idx_otp_codes_phone_bidx_created"`);
    await q.query(`ALTER TABLE "otp_codes" DROP COLUMN "phone_bidx"`);
    await q.query(`ALTER TABLE "otp_codes" ALTER COLUMN "phone" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_otp_codes_phone_created" ON "otp_codes"  ("phone", "created_at") `);

    await q.query(`ALTER TABLE "worker_identities" ADD "id_number" character varying(18)`);
    await rewritePiiColumns(
      q,
      { table: 'worker_identities', key: 'user_id', read: ['id_number_enc'], write: ['id_number'] },
      (r, pii) => [pii.decrypt(r.id_number_enc!)],
    );
    await q.query(`DROP INDEX "public"."uq_worker_identities_id_number_bidx"`);
    await q.query(`ALTER TABLE "worker_identities" DROP COLUMN "id_number_bidx"`);
    await q.query(`ALTER TABLE "worker_identities" DROP COLUMN "id_number_enc"`);
    await q.query(`ALTER TABLE "worker_identities" ALTER COLUMN "id_number" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "worker_identities" ADD CONSTRAINT "UQ_0644d59f53b35c24301fbc74f06" UNIQUE ("id_number")`,
    );

    await q.query(`ALTER TABLE "complaints" ADD "complainant_id_number" character varying(18)`);
    await q.query(`ALTER TABLE "complaints" ADD "complainant_phone" character varying(11)`);
    await rewritePiiColumns(
      q,
      {
        table: 'complaints',
        key: 'id',
        read: ['complainant_id_number_enc', 'complainant_phone_enc'],
        write: ['complainant_id_number', 'complainant_phone'],
      },
      (r, pii) => [
        pii.decryptNullable(r.complainant_id_number_enc),
        pii.decryptNullable(r.complainant_phone_enc),
      ],
    );
    await q.query(`DROP INDEX "public"."idx_complaints_complainant_phone_bidx"`);
    for (const c of ['phone_bidx', 'phone_enc', 'id_number_bidx', 'id_number_enc'])
      await q.query(`ALTER TABLE "complaints" DROP COLUMN "complainant_${c}"`);
    await q.query(
      `CREATE INDEX "idx_complaints_complainant_phone" ON "complaints" ("complainant_phone") WHERE complainant_phone IS NOT NULL`,
    );
  }
}
