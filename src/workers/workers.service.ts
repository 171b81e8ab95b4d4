import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppException } from '../common/errors/app-exception';
import { PiiCipher } from '../common/pii-crypto';
import { TransactionRunner } from '../database/transaction';
import type { ProfileDto } from './dto/profile.dto';
import { WorkersRepository } from './workers.repository';

/** A worker account as intake sees it: its verified phone and the identity it recorded, if any. */
export interface WorkerAccount {
  userId: string;
  /** the mobile number the account signed in with (verified by SMS code); null for a legacy non-phone username */
  phone: string | null;
  identity: { realName: string; idNumber: string } | null;
}

const PG_UNIQUE_VIOLATION = '23505';

/** Worker accounts: the phone they signed up with and the real identity they record once. */
@Injectable()
export class WorkersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: WorkersRepository,
    private readonly users: UsersService,
    private readonly pii: PiiCipher,
  ) {}

  /** The worker account of a user id (null if none or not an active worker). */
  async account(em: EntityManager, userId: string): Promise<WorkerAccount | null> {
    const user = await this.users.findById(em, userId);
    if (!user?.active || user.role !== 'WORKER') return null;
    const identity = await this.repo.identityOf(em, userId);
    return {
      userId,
      phone: this.users.loginPhone(user),
      identity: identity
        ? { realName: identity.realName, idNumber: this.pii.decrypt(identity.idNumberEnc) }
        : null,
    };
  }

  /** The active worker account signed up with this mobile number (its owner verified it by SMS code), if any. */
  async accountByPhone(em: EntityManager, phone: string): Promise<WorkerAccount | null> {
    const user = await this.users.findByPhone(em, phone);
    return user ? this.account(em, user.id) : null;
  }

  async profile(viewer: Principal): Promise<ProfileDto> {
    const a = await this.account(this.tx.manager, viewer.userId);
    if (!a) throw AppException.unauthorized();
    const row = a.identity ? await this.repo.identityOf(this.tx.manager, a.userId) : null;
    return {
      phone: a.phone ?? '',
      realName: a.identity?.realName ?? null,
      idNumber: a.identity?.idNumber ?? null,
      identityRecorded: a.identity !== null,
      recordedAt: row?.recordedAt.toISOString() ?? null,
    };
  }

  /**
   * Records the worker's real name and ID number, once: a second recording is 409 (a change goes through staff),
   * an ID number another account recorded is 409 too.
   */
  async recordIdentity(viewer: Principal, dto: { realName: string; idNumber: string }): Promise<ProfileDto> {
    await this.tx.run(async (em) => {
      let inserted: boolean;
      try {
        inserted = await this.repo.insertIdentity(em, {
          userId: viewer.userId,
          realName: dto.realName,
          idNumberEnc: this.pii.encrypt(dto.idNumber),
          idNumberBidx: this.pii.blindIndex('id_number', dto.idNumber),
        });
      } catch (err) {
        if ((err as { code?: string }).code === PG_UNIQUE_VIOLATION)
          throw AppException.conflict(
            'ID_NUMBER_ALREADY_BOUND',
            'This ID number is already recorded for another account',
          );
        throw err;
      }
      if (!inserted)
        throw AppException.conflict(
          'IDENTITY_ALREADY_RECORDED',
          'Your real name and ID number are already recorded; staff can correct them',
        );
    });
    return this.profile(viewer);
  }
}
