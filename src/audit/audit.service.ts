import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { kpiTargetsOf } from '../sla/kpi-targets';
import { AuditRepository } from './audit.repository';
import { StaffDirectory } from '../staff/staff-directory.service';
import type { StaffRef } from '../staff/staff-directory';

export interface CaseEventInput {
  /**
   * COMPLAINT: a complaint's timeline; EMPLOYER: an employer's compliance record (case_id = employer id);
   * INSPECTION: an inspection case's timeline.
   */
  caseType: 'COMPLAINT' | 'EMPLOYER' | 'INSPECTION';
  caseId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor?: Pick<Principal, 'userId' | 'role'> | null;
  /** Facts about the event; never personal data. */
  data?: Record<string, unknown>;
}

export interface CaseEventView {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** Who acted: the staff directory's `{id, displayName, role, organisation}` plus the recorded userId/role. */
  actor: { userId: string | null; role: string | null } & Partial<Omit<StaffRef, 'role'>>;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** The append-only case timeline (case_events). Writes join the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly outbox: OutboxService,
    private readonly staff: StaffDirectory,
  ) {}

  /** Appends an event and, in the same transaction, the KPI job that reads it when it concerns a proceeding. */
  async append(em: EntityManager, input: CaseEventInput): Promise<void> {
    const id = newId();
    await this.repo.insert(em, {
      id,
      caseType: input.caseType,
      caseId: input.caseId,
      action: input.action,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      actorUserId: input.actor?.userId ?? null,
      actorRole: input.actor?.role ?? null,
      data: input.data ?? {},
    });
    // Only events that concern a proceeding move a KPI (intake and employer-record events do not).
    if (kpiTargetsOf({ case_type: input.caseType, case_id: input.caseId, data: input.data ?? {} }).length > 0)
      await this.outbox.enqueue(em, JobName.SlaCaseEvent, { eventId: id });
  }

  async hasEvent(em: EntityManager, caseType: string, caseId: string, action: string): Promise<boolean> {
    return this.repo.exists(em, caseType, caseId, action);
  }

  async timeline(em: EntityManager, caseType: string, caseId: string): Promise<CaseEventView[]> {
    const rows = await this.repo.timeline(em, caseType, caseId);
    const staff = await this.staff.describe(
      em,
      rows.map((e) => e.actorUserId),
    );
    return rows.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { ...staff.get(e.actorUserId ?? ''), userId: e.actorUserId, role: e.actorRole },
      data: e.data,
      occurredAt: e.occurredAt.toISOString(),
    }));
  }
}
