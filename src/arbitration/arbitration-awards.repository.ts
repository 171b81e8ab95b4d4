import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ArbitrationAward } from './entities/arbitration-award.entity';
import { ArbitrationProvisionalExecution } from './entities/arbitration-provisional-execution.entity';

/** SQL of award documents (裁决书) and 先予执行 rulings. */
@Injectable()
export class ArbitrationAwardsRepository {
  async insertAward(em: EntityManager, a: Omit<ArbitrationAward, 'createdAt' | 'case'>): Promise<void> {
    await em.insert(ArbitrationAward, a);
  }

  awardsOf(em: EntityManager, caseId: string): Promise<ArbitrationAward[]> {
    return em.find(ArbitrationAward, { where: { caseId }, order: { seq: 'ASC' } });
  }

  findAward(em: EntityManager, caseId: string, id: string): Promise<ArbitrationAward | null> {
    return em.findOne(ArbitrationAward, { where: { caseId, id } });
  }

  async updateAward(
    em: EntityManager,
    id: string,
    changes: Pick<ArbitrationAward, 'servedOn' | 'suitDeadline' | 'setAsideDeadline'>,
  ): Promise<void> {
    await em.update(ArbitrationAward, { id }, changes);
  }

  async insertProvisionalExecution(
    em: EntityManager,
    r: Omit<ArbitrationProvisionalExecution, 'createdAt' | 'case'>,
  ): Promise<void> {
    await em.insert(ArbitrationProvisionalExecution, r);
  }

  provisionalExecutionsOf(em: EntityManager, caseId: string): Promise<ArbitrationProvisionalExecution[]> {
    return em.find(ArbitrationProvisionalExecution, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
