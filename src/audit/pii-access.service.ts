import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { decodeCursor, encodeCursor, type Page } from '../common/http/pagination';
import { inTransaction, TransactionRunner } from '../database/transaction';
import { PiiAccessRepository } from './pii-access.repository';

export interface PiiAccessView {
  id: string;
  userId: string;
  role: string;
  caseType: string;
  caseIds: string[];
  purpose: string;
  accessedAt: string;
}

/**
 * Every read of unmasked personal data by staff is recorded (issue 15): the views that decrypt an ID number or
 * phone in full for a staff member call `record` in the same request. A worker reading their own case is not
 * logged (it is their own data).
 */
@Injectable()
export class PiiAccessService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PiiAccessRepository,
  ) {}

  async record(
    em: EntityManager,
    viewer: Pick<Principal, 'userId' | 'role'>,
    access: { caseType: 'COMPLAINT'; caseIds: string[]; purpose: string },
  ): Promise<void> {
    if (viewer.role === 'WORKER') return;
    const caseIds = [...new Set(access.caseIds)];
    if (caseIds.length === 0) return;
    // One row for the read, whatever the number of cases it showed. Inside a transaction (intake answering staff)
    // the record commits, durably, with what the transaction writes.
    await this.repo.insert(
      em,
      {
        id: newId(),
        userId: viewer.userId,
        role: viewer.role,
        caseType: access.caseType,
        caseIds,
        purpose: access.purpose,
      },
      !inTransaction(em),
    );
  }

  async list(q: {
    userId?: string;
    caseId?: string;
    cursor?: string;
    limit?: number;
  }): Promise<Page<PiiAccessView>> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.list(this.tx.manager, {
      userId: q.userId,
      caseId: q.caseId,
      after: decodeCursor(q.cursor),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      userId: r.userId,
      role: r.role,
      caseType: r.caseType,
      caseIds: r.caseIds,
      purpose: r.purpose,
      accessedAt: r.accessedAt.toISOString(),
    }));
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.accessedAt, id: last.id }) : null,
    };
  }
}
