import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEvent } from './entities/case-event.entity';

/** All SQL of the audit module (case_events is append-only: there is no update or delete here). */
@Injectable()
export class AuditRepository {
  async insert(em: EntityManager, event: Omit<CaseEvent, 'occurredAt'>): Promise<void> {
    await em.insert(CaseEvent, { ...event, data: event.data as object });
  }

  byId(em: EntityManager, id: string): Promise<CaseEvent | null> {
    return em.findOne(CaseEvent, { where: { id } });
  }

  exists(em: EntityManager, caseType: string, caseId: string, action: string): Promise<boolean> {
    return em.exists(CaseEvent, { where: { caseType, caseId, action } });
  }

  timeline(em: EntityManager, caseType: string, caseId: string): Promise<CaseEvent[]> {
    return em.find(CaseEvent, { where: { caseType, caseId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
