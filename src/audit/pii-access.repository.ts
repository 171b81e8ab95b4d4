import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/http/pagination';
import { prepared } from '../database/prepared-statements';
import { PiiAccess } from './entities/pii-access.entity';

// Every staff page read with personal data in full inserts its access records: prepared (issue 17).
const INSERT_TEXT = `INSERT INTO pii_access_log (id, user_id, role, case_type, case_ids, purpose)
  SELECT r.id, r.user_id, r.role, r.case_type, r.case_ids, r.purpose
    FROM json_to_recordset($1::json)
      AS r(id uuid, user_id uuid, role varchar, case_type varchar, case_ids uuid[], purpose varchar)`;
const INSERT = prepared(INSERT_TEXT);
const INSERT_ASYNC_COMMIT = prepared(
  `${INSERT_TEXT} WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL`,
);

export type NewPiiAccess = Omit<PiiAccess, 'accessedAt' | 'user'>;

/** All SQL of the personal-data access log. */
@Injectable()
export class PiiAccessRepository {
  /**
   * Reads' rows, in one statement. `asyncCommit` (reads outside any transaction): the statement's own transaction
   * commits without waiting for its WAL flush (set_config(…, true) lasts to that commit), so a page read does not
   * wait on the disk; a PostgreSQL crash may lose the last ≤ 3 × wal_writer_delay of read records, never a write of
   * case data. Otherwise the rows commit, durably, with what the caller's transaction writes.
   */
  async insert(em: EntityManager, rows: readonly NewPiiAccess[], asyncCommit: boolean): Promise<void> {
    const records = rows.map((r) => ({
      id: r.id,
      user_id: r.userId,
      role: r.role,
      case_type: r.caseType,
      case_ids: r.caseIds,
      purpose: r.purpose,
    }));
    await em.query(asyncCommit ? INSERT_ASYNC_COMMIT : INSERT, [JSON.stringify(records)]);
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
