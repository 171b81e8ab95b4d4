import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { whereInJurisdictions } from '../database/query-helpers';
import { newId } from '../common/ids';
import { ClockEventRow } from './entities/clock-event.entity';
import { Clock } from './entities/clock.entity';
import { findRows, findRowsWith, readRows, type RowsRead } from '../database/entity-rows';
import { keyArray, keyTuples } from '../database/key-lists';
import { sendWrites, type Write } from '../database/writes';

/** What a view of a clock needs of one of its events. */
export type ClockEventFields = Pick<ClockEventRow, 'type' | 'date' | 'amount' | 'reason' | 'actorUserId'>;

/** A clock and its events in order. */
export interface ClockWithEvents {
  clock: Clock;
  events: ClockEventFields[];
}

// Each clock's events as a JSON array in its row (most clocks have none): the clocks and their events in one round
// trip, through the (clock_id, seq) index.
const EVENTS = `(SELECT COALESCE(json_agg(json_build_object('type', e.type, 'date', e.date, 'amount', e.amount,
  'reason', e.reason, 'actorUserId', e.actor_user_id) ORDER BY e.seq), '[]')
  FROM clock_events e WHERE e.clock_id = clocks.id) AS "events"`;

/** A clock read with EVENTS, and its events. */
const withEventsOf = ({ entity, row }: { entity: Clock; row: Record<string, unknown> }): ClockWithEvents => ({
  clock: entity,
  events: row.events as ClockEventFields[],
});

async function withEvents(em: EntityManager, where: string, params: unknown[]): Promise<ClockWithEvents[]> {
  return (await findRowsWith(em, Clock, EVENTS, where, params)).map(withEventsOf);
}

/** What starting a clock stores. */
export type NewClock = Pick<
  Clock,
  'id' | 'caseType' | 'caseId' | 'ruleId' | 'startDate' | 'jurisdictionCode'
>;

/** All SQL of the deadlines module. */
@Injectable()
export class DeadlinesRepository {
  async insertClock(em: EntityManager, clock: NewClock): Promise<void> {
    await sendWrites(em, [this.insertClockWrite(clock)]);
  }

  /** The clock's insert as a write to send with others (writes.ts). Plain SQL: every intake starts a clock. */
  insertClockWrite(clock: NewClock): Write {
    return {
      sql: `INSERT INTO clocks (id, case_type, case_id, rule_id, start_date, jurisdiction_code)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      params: [clock.id, clock.caseType, clock.caseId, clock.ruleId, clock.startDate, clock.jurisdictionCode],
    };
  }

  clocksOfCase(em: EntityManager, caseType: string, caseId: string): Promise<Clock[]> {
    return em.find(Clock, { where: { caseType, caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The clocks of several cases and their events in one query (a list page), each case's in creation order. */
  clocksOfCases(em: EntityManager, caseType: string, caseIds: readonly string[]): Promise<ClockWithEvents[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    const k = keyArray('uuid', caseIds, 2);
    return withEvents(em, `case_type = $1 AND case_id = ANY(${k.sql}) ORDER BY created_at, id`, [
      caseType,
      ...k.params,
    ]);
  }

  /** The clocks of cases of several types and their events in one query (a case file), in creation order. */
  clocksOfCaseRefs(
    em: EntityManager,
    cases: readonly { caseType: string; caseId: string }[],
  ): Promise<ClockWithEvents[]> {
    if (cases.length === 0) return Promise.resolve([]);
    return readRows(em, this.clocksOfCaseRefsRead(cases));
  }

  /** The same read (of one case at least), to send with others (readTogether). */
  clocksOfCaseRefsRead(
    cases: readonly { caseType: string; caseId: string }[],
  ): RowsRead<Clock, ClockWithEvents[]> {
    const k = keyTuples(
      ['varchar', 'uuid'],
      cases.map((c) => [c.caseType, c.caseId]),
    );
    return {
      target: Clock,
      extra: EVENTS,
      where: `(case_type, case_id) IN ${k.sql}`,
      params: k.params,
      orderBy: 'created_at, id',
      make: (rows) => rows.map(withEventsOf),
    };
  }

  findClock(em: EntityManager, id: string): Promise<Clock | null> {
    return em.findOne(Clock, { where: { id } });
  }

  lockClock(em: EntityManager, id: string): Promise<Clock | null> {
    return em.findOne(Clock, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  eventsOf(em: EntityManager, clockIds: string[]): Promise<ClockEventRow[]> {
    if (clockIds.length === 0) return Promise.resolve([]);
    const k = keyArray('uuid', clockIds);
    return findRows(em, ClockEventRow, `clock_id = ANY(${k.sql}) ORDER BY clock_id, seq`, k.params);
  }

  async appendEvent(
    em: EntityManager,
    clockId: string,
    seq: number,
    e: Pick<ClockEventRow, 'type' | 'date' | 'amount' | 'reason' | 'actorUserId'>,
  ): Promise<void> {
    await em.insert(ClockEventRow, { id: newId(), clockId, seq, ...e });
    if (e.type === 'STOP') await em.update(Clock, { id: clockId }, { stoppedOn: e.date });
  }

  /** Every running clock (the nightly reminder sweep). */
  allOpenClocks(em: EntityManager): Promise<Clock[]> {
    return em.find(Clock, { where: { stoppedOn: IsNull() } });
  }

  /** Running clocks of the jurisdictions (prefix match, as for case access). */
  openClocks(em: EntityManager, jurisdictionPrefixes: string[]): Promise<Clock[]> {
    return whereInJurisdictions(
      em.createQueryBuilder(Clock, 'c').where('c.stopped_on IS NULL'),
      'c.jurisdiction_code',
      jurisdictionPrefixes,
    ).getMany();
  }

  /** Running clocks of one case type and some rules, across the platform (due dates are computed, not stored). */
  runningClocksOf(em: EntityManager, caseType: string, ruleIds: readonly string[]): Promise<Clock[]> {
    return em
      .createQueryBuilder(Clock, 'c')
      .where('c.stopped_on IS NULL AND c.case_type = :caseType AND c.rule_id IN (:...ruleIds)', {
        caseType,
        ruleIds,
      })
      .getMany();
  }
}
