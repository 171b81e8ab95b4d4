import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ARBITRATION_OPEN_STATUSES } from './arbitration.state';
import { ArbitrationCase } from './entities/arbitration-case.entity';
import { ArbitrationRecusal } from './entities/arbitration-recusal.entity';

/** The SQL of a tribunal's changes: its members replaced, recusal applications, a staff change's cases found. */
@Injectable()
export class ArbitrationTribunalRepository {
  /** The open cases whose tribunal the arbitrator sits on, locked until commit (a staff change: arbitration-handover). */
  lockOpenCasesOfArbitrator(em: EntityManager, userId: string): Promise<ArbitrationCase[]> {
    return em
      .createQueryBuilder(ArbitrationCase, 'a')
      .setLock('pessimistic_write')
      .where(':userId = ANY(a.arbitrator_ids) AND a.status IN (:...open)', {
        userId,
        open: ARBITRATION_OPEN_STATUSES,
      })
      .orderBy('a.id')
      .getMany();
  }

  /**
   * A replaced member's place on the case's hearings still to come (not held, postponed or cancelled) goes to the
   * member coming in; returns those hearings' ids.
   */
  async replaceOnPendingHearings(
    em: EntityManager,
    caseId: string,
    leaving: string,
    incoming: string,
  ): Promise<string[]> {
    const [rows] = await em.query<[{ id: string }[], number]>(
      `UPDATE arbitration_hearings SET arbitrator_ids = array_replace(arbitrator_ids, $2::uuid, $3::uuid)
        WHERE case_id = $1 AND $2::uuid = ANY(arbitrator_ids)
          AND held_at IS NULL AND postponed_at IS NULL AND cancelled_at IS NULL
        RETURNING id`,
      [caseId, leaving, incoming],
    );
    return rows.map((r) => r.id).sort();
  }

  async insertRecusal(em: EntityManager, r: Omit<ArbitrationRecusal, 'createdAt' | 'case'>): Promise<void> {
    await em.insert(ArbitrationRecusal, r);
  }

  recusalOfCase(em: EntityManager, caseId: string, id: string): Promise<ArbitrationRecusal | null> {
    return em.findOne(ArbitrationRecusal, { where: { id, caseId } });
  }

  async decideRecusal(
    em: EntityManager,
    id: string,
    d: Pick<ArbitrationRecusal, 'decision' | 'decidedOn' | 'decisionReason'>,
  ): Promise<void> {
    await em.update(ArbitrationRecusal, { id }, d);
  }

  /** The case's recusal applications, oldest first. */
  recusalsOf(em: EntityManager, caseId: string): Promise<ArbitrationRecusal[]> {
    return em.find(ArbitrationRecusal, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
