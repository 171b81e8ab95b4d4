import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { decodeCursor, encodeCursor, type Page } from '../common/http/pagination';
import { inTransaction, TransactionRunner } from '../database/transaction';
import { Batcher } from '../common/batcher';
import { PiiAccessRepository, type NewPiiAccess } from './pii-access.repository';

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
  /**
   * The records of reads outside a transaction: the reads of one turn of the event loop (and those that come while
   * a statement is under way) share one INSERT (issue 17: a statement fewer for most staff reads under load). A read
   * answers only once its record is written; a record that fails fails its own read alone (`Batcher`).
   */
  private readonly reads = new Batcher<NewPiiAccess, void>((rows) =>
    this.repo.insert(this.tx.manager, rows, true),
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PiiAccessRepository,
  ) {}

  async record(
    em: EntityManager,
    viewer: Pick<Principal, 'userId' | 'role'>,
    access: { caseType: 'COMPLAINT' | 'EMPLOYER'; caseIds: string[]; purpose: string },
  ): Promise<void> {
    if (viewer.role === 'WORKER') return;
    const caseIds = [...new Set(access.caseIds)];
    if (caseIds.length === 0) return;
    // One row for the read, whatever the number of cases it showed. Inside a transaction (intake answering staff)
    // the record commits, durably, with what the transaction writes; outside, with the records of the reads of the
    // same moment, in one statement, before the read answers.
    const row = {
      id: newId(),
      userId: viewer.userId,
      role: viewer.role,
      caseType: access.caseType,
      caseIds,
      purpose: access.purpose,
    };
    if (inTransaction(em)) await this.repo.insert(em, [row], false);
    else await this.reads.submit([row]);
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
