import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/http/pagination';
import { PiiAccess } from './entities/pii-access.entity';

/** All SQL of the personal-data access log. */
@Injectable()
export class PiiAccessRepository {
  async insertMany(em: EntityManager, rows: Omit<PiiAccess, 'accessedAt' | 'user'>[]): Promise<void> {
    if (rows.length) await em.insert(PiiAccess, rows);
  }

  /** Newest first, keyset on (accessed_at, id). */
  list(
    em: EntityManager,
    q: { userId?: string; caseId?: string; after?: KeysetCursor; limit: number },
  ): Promise<PiiAccess[]> {
    const qb = em.createQueryBuilder(PiiAccess, 'a');
    if (q.userId) qb.andWhere('a.user_id = :userId', { userId: q.userId });
    if (q.caseId) qb.andWhere('a.case_id = :caseId', { caseId: q.caseId });
    if (q.after)
      qb.andWhere('(a.accessed_at, a.id) < (:at::timestamptz, :id::uuid)', {
        at: q.after.createdAt,
        id: q.after.id,
      });
    return qb.orderBy('a.accessed_at', 'DESC').addOrderBy('a.id', 'DESC').limit(q.limit).getMany();
  }
}
