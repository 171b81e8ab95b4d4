import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Attachment } from './entities/attachment.entity';

/** All SQL of the evidence module. */
@Injectable()
export class EvidenceRepository {
  async insert(
    em: EntityManager,
    attachment: Omit<Attachment, 'createdAt' | 'complaint'>,
  ): Promise<Attachment> {
    await em.insert(Attachment, attachment);
    return em.findOneOrFail(Attachment, { where: { id: attachment.id } });
  }

  /** The case file of a dispute, oldest first. */
  listByComplaint(em: EntityManager, complaintId: string): Promise<Attachment[]> {
    return em.find(Attachment, { where: { complaintId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInComplaint(em: EntityManager, complaintId: string, id: string): Promise<Attachment | null> {
    return em.findOne(Attachment, { where: { id, complaintId } });
  }
}
