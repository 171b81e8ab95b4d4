import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { AuditRepository } from './audit.repository';
import type { CaseEvent } from './entities/case-event.entity';
import { StaffDirectory } from '../staff/staff-directory.service';
import type { StaffRef } from '../staff/staff-directory';
import type { Write, WriteBatch } from '../database/writes';
import { mapRead, type RowsRead } from '../database/entity-rows';

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

/** A case event as appended: what a listener receives (no actor: listeners act on facts, not on people). */
export interface RecordedCaseEvent {
  id: string;
  caseType: string;
  caseId: string;
  action: string;
  data: Record<string, unknown>;
}

/**
 * A module that follows the case timeline (AuditService.registerListener): `handle` is called for every appended
 * event it `concerns`, in the appender's transaction, with its EntityManager — so what it writes (an outbox job)
 * commits or rolls back with the event. Audit is a leaf: it knows its listeners only by this interface, never by
 * import.
 */
export interface CaseEventListener {
  /** Whether `handle` acts on the event (pure; an event no listener concerns may be written without a transaction). */
  concerns(event: RecordedCaseEvent): boolean;
  handle(em: EntityManager, event: RecordedCaseEvent): Promise<void>;
}

/** The append-only case timeline (case_events). Writes join the caller's transaction. */
@Injectable()
export class AuditService {
  /** Listeners by name (registerListener), called in registration order. */
  private readonly listeners = new Map<string, CaseEventListener>();

  constructor(
    private readonly repo: AuditRepository,
    private readonly staff: StaffDirectory,
  ) {}

  /**
   * Registers a module that follows the timeline (the KPI read model enqueues its refresh job): `listener` gets
   * every event it concerns appended from now on, in the same transaction (as clock owners register with deadlines).
   */
  registerListener(name: string, listener: CaseEventListener): void {
    if (this.listeners.has(name)) throw new Error(`case-event listener ${name} already registered`);
    this.listeners.set(name, listener);
  }

  /** Appends an event and, in the same transaction, hands it to every registered listener. */
  async append(em: EntityManager, input: CaseEventInput): Promise<void> {
    await this.appendMany(em, [input]);
  }

  /**
   * Appends events in one statement, in order, then hands each to every registered listener (same transaction).
   * With a batch, the events join it and the listeners run once it is sent (writes.ts).
   */
  async appendMany(em: EntityManager, inputs: readonly CaseEventInput[], batch?: WriteBatch): Promise<void> {
    const events = this.recorded(inputs);
    const rows = this.rows(events, inputs);
    const notify = async (em: EntityManager) => {
      for (const event of events)
        for (const listener of this.listeners.values())
          if (listener.concerns(event)) await listener.handle(em, event);
    };
    if (!batch) {
      await this.repo.insertMany(em, rows);
      return notify(em);
    }
    if (rows.length === 0) return;
    batch.add(this.repo.insertManyWrite(rows));
    batch.afterSend(notify);
  }

  /**
   * The events as a write gated on a guard (`sendGuarded`, writes.ts): written in the guard's statement only when
   * the guard wrote a row. For events no listener concerns (a listener's writes must join the event's transaction,
   * which such a statement on its own has not): throws otherwise.
   */
  gatedWrite(inputs: readonly CaseEventInput[]): Write {
    const events = this.recorded(inputs);
    for (const event of events)
      for (const [name, listener] of this.listeners)
        if (listener.concerns(event))
          throw new Error(`case event ${event.action} concerns listener ${name}: append it in a transaction`);
    return this.repo.insertManyWrite(this.rows(events, inputs), { gated: true });
  }

  private recorded(inputs: readonly CaseEventInput[]): RecordedCaseEvent[] {
    return inputs.map((input) => ({
      id: newId(),
      caseType: input.caseType,
      caseId: input.caseId,
      action: input.action,
      data: input.data ?? {},
    }));
  }

  private rows(events: readonly RecordedCaseEvent[], inputs: readonly CaseEventInput[]) {
    return events.map((event, i) => ({
      ...event,
      fromStatus: inputs[i].fromStatus ?? null,
      toStatus: inputs[i].toStatus ?? null,
      actorUserId: inputs[i].actor?.userId ?? null,
      actorRole: inputs[i].actor?.role ?? null,
    }));
  }

  /** One event by id (null when there is none): for a job queued with only the event's id. */
  async event(em: EntityManager, id: string): Promise<RecordedCaseEvent | null> {
    const e = await this.repo.byId(em, id);
    return e && { id: e.id, caseType: e.caseType, caseId: e.caseId, action: e.action, data: e.data };
  }

  /** Which of the cases already have an event of `action` on their timeline (a sweep's once-only mark). */
  async casesWith(
    em: EntityManager,
    caseType: string,
    caseIds: readonly string[],
    action: string,
  ): Promise<Set<string>> {
    return new Set(await this.repo.casesWith(em, caseType, caseIds, action));
  }

  /**
   * The data and time of the events of `action` on a case's timeline whose data has `key` = `value` (a proceeding's
   * events on its complaint's timeline, by the proceeding's id), oldest first.
   */
  async eventsWith(
    em: EntityManager,
    c: { caseType: string; caseId: string },
    action: string,
    key: string,
    value: string,
  ): Promise<{ data: Record<string, unknown>; occurredAt: Date }[]> {
    return (await this.repo.eventsWith(em, c, action, key, value)).map((e) => ({
      data: e.data,
      occurredAt: e.occurredAt,
    }));
  }

  async timeline(em: EntityManager, caseType: string, caseId: string): Promise<CaseEventView[]> {
    return (await this.timelines(em, [{ caseType, caseId }]))[0];
  }

  /** The timelines of several cases (a case file) in one query and one staff lookup, in the order of `cases`. */
  async timelines(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
  ): Promise<CaseEventView[][]> {
    return this.viewsOfTimelines(em, cases, await this.repo.timelines(em, cases));
  }

  /** The same read (of one case at least), to send with others (database/entity-rows.ts readTogether). */
  timelinesRead(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
  ): RowsRead<CaseEvent, CaseEventView[][]> {
    return mapRead(this.repo.timelinesRead(cases), (rows) => this.viewsOfTimelines(em, cases, rows));
  }

  private async viewsOfTimelines(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
    rows: CaseEvent[],
  ): Promise<CaseEventView[][]> {
    const staff = await this.staff.describe(
      em,
      rows.map((e) => e.actorUserId),
    );
    const view = (e: CaseEvent): CaseEventView => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { ...staff.get(e.actorUserId ?? ''), userId: e.actorUserId, role: e.actorRole },
      data: e.data,
      occurredAt: e.occurredAt.toISOString(),
    });
    return cases.map((c) => rows.filter((e) => e.caseType === c.caseType && e.caseId === c.caseId).map(view));
  }
}
