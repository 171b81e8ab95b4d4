import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/http/pagination';
import { prepared } from '../database/prepared-statements';
import { PiiAccess } from './entities/pii-access.entity';

// Every staff page read with personal data in full inserts its access records: prepared (issue 17).
const INSERT = prepared(`INSERT INTO pii_access_log (id, user_id, role, case_type, case_ids, purpose)
  SELECT $1::uuid, $2::uuid, $3::varchar, $4::varchar, $5::uuid[], $6::varchar`);
const INSERT_MANY_ASYNC_COMMIT =
  prepared(`INSERT INTO pii_access_log (id, user_id, role, case_type, case_ids, purpose)
  SELECT r.id, r.user_id, r.role, r.case_type, r.case_ids, r.purpose
    FROM json_to_recordset($1::json)
      AS r(id uuid, user_id uuid, role varchar, case_type varchar, case_ids uuid[], purpose varchar)
   WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL`);

export type NewPiiAccess = Omit<PiiAccess, 'accessedAt' | 'user'>;

/** All SQL of the personal-data access log. */
@Injectable()
export class PiiAccessRepository {
  /** A read's row, in the transaction of the read (it commits, durably, with what the transaction writes). */
  async insert(em: EntityManager, row: NewPiiAccess): Promise<void> {
    await em.query(INSERT, [row.id, row.userId, row.role, row.caseType, row.caseIds, row.purpose]);
  }

  /**
   * Rows of reads outside any transaction, in one statement whose own transaction commits without waiting for its
   * WAL flush (set_config(…, true) lasts to that commit), so a page read does not wait on the disk; a PostgreSQL
   * crash may lose the last ≤ 3 × wal_writer_delay of read records, never a write of case data.
   */
  async insertManyAsyncCommit(em: EntityManager, rows: readonly NewPiiAccess[]): Promise<void> {
    const records = rows.map((r) => ({
      id: r.id,
      user_id: r.userId,
      role: r.role,
      case_type: r.caseType,
      case_ids: r.caseIds,
      purpose: r.purpose,
    }));
    await em.query(INSERT_MANY_ASYNC_COMMIT, [JSON.stringify(records)]);
  }

  /** Newest first, keyset on (accessed_at, id). */
  list(
    em: EntityManager,
    q: { userId?: string; caseId?: string; after?: KeysetCursor; limit: number },
  ): Promise<PiiAccess[]> {
    const qb = em.createQueryBuilder(PiiAccess, 'a');
    if (q.userId) qb.andWhere('a.user_id = :userId', { userId: q.userId });
    if (q.caseId) qb.andWhere('a.case_ids @> ARRAY[:caseId::uuid]', { caseId: q.caseId });
    if (q.after)
      qb.andWhere('(a.accessed_at, a.id) < (:at::timestamptz, :id::uuid)', {
        at: q.after.createdAt,
        id: q.after.id,
      });
    return qb.orderBy('a.accessed_at', 'DESC').addOrderBy('a.id', 'DESC').limit(q.limit).getMany();
  }
}
