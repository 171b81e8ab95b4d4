import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findRow } from '../database/entity-rows';
import { WorkerIdentity } from './entities/worker-identity.entity';

/** All SQL of the workers module. */
@Injectable()
export class WorkersRepository {
  identityOf(em: EntityManager, userId: string): Promise<WorkerIdentity | null> {
    return findRow(em, WorkerIdentity, 'user_id = $1', [userId]);
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
}
