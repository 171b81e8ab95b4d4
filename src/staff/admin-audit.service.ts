import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { MAX_PAGE_SIZE } from '../common/http/pagination';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { StaffAdminRepository } from './staff-admin.repository';

export type AdminAction =
  | 'USER_CREATED'
  | 'USER_UPDATED'
  | 'USER_PASSWORD_RESET'
  | 'USERS_IMPORTED'
  | 'ORGANISATION_CREATED'
  | 'ORGANISATION_UPDATED';

/** The admin audit trail: one row per change, in the change's transaction. Never a password. */
@Injectable()
export class AdminAuditService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StaffAdminRepository,
  ) {}

  async record(
    em: EntityManager,
    actor: Principal,
    e: {
      action: AdminAction;
      targetType: 'USER' | 'ORGANISATION';
      targetId: string;
      jurisdictionCode: string;
      changes?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.repo.insertAudit(em, {
      id: newId(),
      actorUserId: actor.userId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      jurisdictionCode: e.jurisdictionCode,
      changes: e.changes ?? {},
    });
  }

  async list(
    viewer: Principal,
    q: { actor?: string; target?: string; from?: string; to?: string; cursor?: string; limit?: number },
  ) {
    const page = await this.repo.listAudit(this.tx.manager, {
      scope: viewer.jurisdictions,
      actor: q.actor,
      target: q.target,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      cursor: q.cursor,
      limit: Math.min(q.limit ?? 50, MAX_PAGE_SIZE),
    });
    return {
      items: page.items.map((a) => ({
        id: a.id,
        actorUserId: a.actorUserId,
        action: a.action,
        targetType: a.targetType,
        targetId: a.targetId,
        jurisdictionCode: a.jurisdictionCode,
        changes: a.changes,
        occurredAt: a.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
