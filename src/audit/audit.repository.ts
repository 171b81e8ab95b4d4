import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEvent } from './entities/case-event.entity';
import { GUARD, sendWrites, type Write } from '../database/writes';
import { entitiesRead, readRows, type RowsRead } from '../database/entity-rows';

/** All SQL of the audit module (case_events is append-only: there is no update or delete here). */
@Injectable()
export class AuditRepository {
  /** The events in one statement (one round trip however many; occurred_at is the transaction's now()). */
  async insertMany(em: EntityManager, events: readonly Omit<CaseEvent, 'occurredAt'>[]): Promise<void> {
    if (events.length > 0) await sendWrites(em, [this.insertManyWrite(events)]);
  }

  /**
   * The events' insert as a write to send with others (writes.ts); `gated`: written only when the statement's
   * guard wrote a row (`sendGuarded`).
   */
  insertManyWrite(events: readonly Omit<CaseEvent, 'occurredAt'>[], opts: { gated?: boolean } = {}): Write {
    const col = <K extends keyof Omit<CaseEvent, 'occurredAt'>>(k: K) => events.map((e) => e[k]);
    return {
      sql: `INSERT INTO case_events (id, case_type, case_id, action, from_status, to_status, actor_user_id, actor_role, data)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[],
                            $7::uuid[], $8::varchar[], $9::jsonb[])${opts.gated ? ` WHERE EXISTS (SELECT 1 FROM ${GUARD})` : ''}`,
      params: [
        col('id'),
        col('caseType'),
        col('caseId'),
        col('action'),
        col('fromStatus'),
        col('toStatus'),
        col('actorUserId'),
        col('actorRole'),
        events.map((e) => JSON.stringify(e.data ?? {})),
      ],
    };
  }

  byId(em: EntityManager, id: string): Promise<CaseEvent | null> {
    return em.findOne(CaseEvent, { where: { id } });
  }

  /** Which of the cases have an event of `action` (one query). */
  async casesWith(
    em: EntityManager,
    caseType: string,
    caseIds: readonly string[],
    action: string,
  ): Promise<string[]> {
    if (caseIds.length === 0) return [];
    const rows = await em.query<{ case_id: string }[]>(
      `SELECT DISTINCT case_id FROM case_events WHERE case_type = $1 AND case_id = ANY($2::uuid[]) AND action = $3`,
      [caseType, caseIds, action],
    );
    return rows.map((r) => r.case_id);
  }

  /** The events of `action` on one case's timeline whose data has `key` = `value`, oldest first. */
  eventsWith(
    em: EntityManager,
    c: { caseType: string; caseId: string },
    action: string,
    key: string,
    value: string,
  ): Promise<CaseEvent[]> {
    return em
      .createQueryBuilder(CaseEvent, 'e')
      .where('e.case_type = :caseType AND e.case_id = :caseId AND e.action = :action', { ...c, action })
      .andWhere(`e.data ->> :key = :value`, { key, value })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** The events of several cases in one query, each case's oldest first. */
  timelines(em: EntityManager, cases: readonly { caseType: string; caseId: string }[]): Promise<CaseEvent[]> {
    if (cases.length === 0) return Promise.resolve([]);
    return readRows(em, this.timelinesRead(cases));
  }

  /** The same read, to send with others (readTogether). */
  timelinesRead(cases: readonly { caseType: string; caseId: string }[]): RowsRead<CaseEvent, CaseEvent[]> {
    return entitiesRead(
      CaseEvent,
      '(case_type, case_id) IN (SELECT * FROM unnest($1::varchar[], $2::uuid[]))',
      [cases.map((c) => c.caseType), cases.map((c) => c.caseId)],
      'occurred_at, id',
    );
  }
}
