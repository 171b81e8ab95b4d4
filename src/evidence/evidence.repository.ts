import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, xactLock } from '../database/locks';
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

  /** Serialises additions to one complaint's case file until commit (its size is checked under it). */
  async lockCaseFile(em: EntityManager, complaintId: string): Promise<void> {
    await xactLock(em, LOCKS.evidenceCaseFile, complaintId);
  }

  /** How many files the complaint's case file holds, and their bytes. */
  async caseFileSize(em: EntityManager, complaintId: string): Promise<{ files: number; bytes: number }> {
    const [row] = await em.query<{ files: number; bytes: string }[]>(
      `SELECT count(*)::int AS files, COALESCE(sum(size_bytes), 0)::bigint AS bytes
         FROM attachments WHERE complaint_id = $1`,
      [complaintId],
    );
    return { files: row.files, bytes: Number(row.bytes) };
  }

  /** The case file of a dispute, oldest first. */
  listByComplaint(em: EntityManager, complaintId: string): Promise<Attachment[]> {
    return em.find(Attachment, { where: { complaintId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInComplaint(em: EntityManager, complaintId: string, id: string): Promise<Attachment | null> {
    return em.findOne(Attachment, { where: { id, complaintId } });
  }
}
