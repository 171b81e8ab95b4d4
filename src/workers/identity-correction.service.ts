import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { maskIdNumber, maskName, maskPhone } from '../common/pii';
import { PiiCipher } from '../common/pii-crypto';
import { TransactionRunner } from '../database/transaction';
import { UndeliveredSms } from '../notifications/undelivered-sms';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type { IdentityCorrectionDto } from './dto/identity-correction.dto';
import { changedFields, reasonProblems } from './identity-correction.rules';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

/** The subject kind of the SMS about a correction (notification rows: `identity-correction:<id>`). */
const SUBJECT = 'identity-correction';

/**
 * Staff correct the identity a worker recorded on her account (she records it once herself; a typo in her ID number
 * kept the complaints filed for her by phone and ID number from ever being linked). Staff correct it from the ID
 * card she shows at a counter, with a reason; in one transaction the identity is replaced, the correction is
 * appended to its trail (the replaced values encrypted), she is told by SMS through the outbox (a change she did not
 * make herself), and her identity counts as established anew: complaints filed for her with her phone and the
 * corrected number are linked exactly as when she records it (complaints/complainant-links.ts). Complaints linked
 * before stay linked: linking needed her SMS-proven phone as well, so each named her own number.
 */
@Injectable()
export class IdentityCorrectionService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: WorkersRepository,
    private readonly workers: WorkersService,
    private readonly users: UsersService,
    private readonly pii: PiiCipher,
    private readonly outbox: OutboxService,
    private readonly undelivered: UndeliveredSms,
  ) {}

  onModuleInit(): void {
    this.undelivered.registerStaffInCharge(SUBJECT, (em, id) => this.staffToTell(em, id));
  }

  /** Who tells her another way when the SMS cannot be delivered: the staff member who made the correction. */
  private async staffToTell(em: EntityManager, id: string): Promise<string[]> {
    const by = await this.repo.correctorOf(em, id);
    const user = by ? await this.users.findById(em, by) : null;
    return user?.active ? [user.id] : [];
  }

  async correct(
    actor: Principal,
    dto: { phone: string; realName: string; idNumber: string; reason: string },
  ): Promise<IdentityCorrectionDto> {
    const problems = reasonProblems(dto.reason);
    if (problems.length) throw AppException.validation(problems);
    return this.tx.run(async (em) => {
      const user = await this.users.findByPhone(em, dto.phone);
      // A worker outside the staff member's jurisdiction is answered as an unknown phone, before anything about her
      // identity is compared: else the 404/409s tell any staff member whether a phone has an account and whether a
      // name and ID number are the ones it recorded.
      const inScope =
        user?.active === true &&
        user.role === 'WORKER' &&
        user.loginPhoneBidx !== null &&
        (await this.workers.hasCaseWithin(em, actor, { userId: user.id, phoneBidx: user.loginPhoneBidx }));
      if (!user || !inScope || !user.loginPhoneBidx)
        throw AppException.notFound(
          'WORKER_ACCOUNT_NOT_FOUND',
          'No worker account of the jurisdiction signs in with this mobile number',
        );
      const row = await this.repo.lockIdentity(em, user.id);
      if (!row)
        throw AppException.conflict(
          'IDENTITY_NOT_RECORDED',
          'This account has no identity recorded yet; the worker records it herself',
        );
      const recorded = { realName: row.realName, idNumber: this.pii.decrypt(row.idNumberEnc) };
      const changed = changedFields(recorded, dto);
      if (changed.length === 0)
        throw AppException.conflict('IDENTITY_UNCHANGED', 'The identity given is the one recorded');
      const idNumberBidx = this.pii.blindIndex('id_number', dto.idNumber);
      await this.repo.updateIdentity(em, {
        userId: user.id,
        realName: dto.realName,
        idNumberEnc: this.pii.encrypt(dto.idNumber),
        idNumberBidx,
      });
      const id = newId();
      const correctedAt = await this.repo.insertCorrection(em, {
        id,
        userId: user.id,
        correctedByUserId: actor.userId,
        correctedByRole: actor.role,
        reason: dto.reason,
        realNameChanged: changed.includes('REAL_NAME'),
        idNumberChanged: changed.includes('ID_NUMBER'),
        previousRealNameEnc: changed.includes('REAL_NAME') ? this.pii.encrypt(recorded.realName) : null,
        previousIdNumberEnc: changed.includes('ID_NUMBER') ? this.pii.encrypt(recorded.idNumber) : null,
      });
      await this.outbox.enqueue(em, JobName.WorkerNotify, {
        userId: user.id,
        template: 'IDENTITY_CORRECTED_BY_STAFF',
        dedupKey: `identity-corrected:${id}`,
        subjectRef: `${SUBJECT}:${id}`,
        params: {
          correctedAt: correctedAt.toISOString(),
          fields: changed.length === 2 ? 'BOTH' : changed[0],
        },
      });
      await this.workers.identityEstablished(em, {
        userId: user.id,
        phoneBidx: user.loginPhoneBidx,
        idNumberBidx,
        via: 'STAFF_CORRECTION',
        by: { userId: actor.userId, role: actor.role },
      });
      return {
        id,
        userId: user.id,
        phone: maskPhone(dto.phone) ?? '',
        realName: maskName(dto.realName) ?? '',
        idNumber: maskIdNumber(dto.idNumber) ?? '',
        changed,
        correctedAt: correctedAt.toISOString(),
      };
    });
  }
}
