import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/http/pagination';
import { prepared } from '../database/prepared-statements';
import { PiiAccess } from './entities/pii-access.entity';

const INSERT_TEXT = `INSERT INTO pii_access_log (id, user_id, role, case_type, case_ids, purpose)
  SELECT $1::uuid, $2::uuid, $3::varchar, $4::varchar, $5::uuid[], $6::varchar`;
// Every staff page read with personal data in full inserts its access records: prepared (issue 17).
const INSERT = prepared(INSERT_TEXT);
const INSERT_ASYNC_COMMIT = prepared(
  `${INSERT_TEXT} WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL`,
);

/** All SQL of the personal-data access log. */
@Injectable()
export class PiiAccessRepository {
  /**
   * The read's row. `asyncCommit` (a read outside any transaction): the statement's own transaction commits without
   * waiting for its WAL flush (set_config(…, true) lasts to that commit), so a page read does not wait on the disk;
   * a PostgreSQL crash may lose the last ≤ 3 × wal_writer_delay of read records, never a write of case data.
   */
  async insert(
    em: EntityManager,
    row: Omit<PiiAccess, 'accessedAt' | 'user'>,
    asyncCommit: boolean,
  ): Promise<void> {
    await em.query(asyncCommit ? INSERT_ASYNC_COMMIT : INSERT, [
      row.id,
      row.userId,
      row.role,
      row.caseType,
      row.caseIds,
      row.purpose,
    ]);
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
