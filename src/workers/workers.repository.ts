import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findRow } from '../database/entity-rows';
import { WorkerIdentityCorrection } from './entities/worker-identity-correction.entity';
import { WorkerIdentity } from './entities/worker-identity.entity';

/** All SQL of the workers module. */
@Injectable()
export class WorkersRepository {
  identityOf(em: EntityManager, userId: string): Promise<WorkerIdentity | null> {
    return findRow(em, WorkerIdentity, 'user_id = $1', [userId]);
  }

  /** The identity under a row lock: two corrections of one account serialise. */
  lockIdentity(em: EntityManager, userId: string): Promise<WorkerIdentity | null> {
    return em
      .createQueryBuilder(WorkerIdentity, 'w')
      .setLock('pessimistic_write')
      .where('w.user_id = :userId', { userId })
      .getOne();
  }

  /** Inserts the identity unless the account has one; returns whether it was inserted. */
  async insertIdentity(
    em: EntityManager,
    row: Omit<WorkerIdentity, 'recordedAt' | 'user'>,
  ): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `INSERT INTO worker_identities (user_id, real_name, id_number_enc, id_number_bidx) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [row.userId, row.realName, row.idNumberEnc, row.idNumberBidx],
    );
    return rows.length === 1;
  }

  /** Replaces the recorded identity (a staff correction; `recorded_at` stays when it was first recorded). */
  async updateIdentity(em: EntityManager, row: Omit<WorkerIdentity, 'recordedAt' | 'user'>): Promise<void> {
    await em.query(
      `UPDATE worker_identities SET real_name = $2, id_number_enc = $3, id_number_bidx = $4 WHERE user_id = $1`,
      [row.userId, row.realName, row.idNumberEnc, row.idNumberBidx],
    );
  }

  /** The staff member who made a correction (null for an unknown id). */
  async correctorOf(em: EntityManager, id: string): Promise<string | null> {
    const rows = await em.query<{ corrected_by: string }[]>(
      `SELECT corrected_by_user_id AS corrected_by FROM worker_identity_corrections WHERE id = $1`,
      [id],
    );
    return rows[0]?.corrected_by ?? null;
  }

  /** Appends a correction to the trail; returns when it was made. */
  async insertCorrection(
    em: EntityManager,
    row: Omit<WorkerIdentityCorrection, 'correctedAt' | 'user' | 'correctedBy'>,
  ): Promise<Date> {
    const [{ corrected_at }] = await em.query<{ corrected_at: Date }[]>(
      `INSERT INTO worker_identity_corrections (id, user_id, corrected_by_user_id, corrected_by_role, reason,
         real_name_changed, id_number_changed, previous_real_name_enc, previous_id_number_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING corrected_at`,
      [
        row.id,
        row.userId,
        row.correctedByUserId,
        row.correctedByRole,
        row.reason,
        row.realNameChanged,
        row.idNumberChanged,
        row.previousRealNameEnc,
        row.previousIdNumberEnc,
      ],
    );
    return corrected_at;
  }
}
