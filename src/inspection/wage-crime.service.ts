import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { InspectionRepository } from './inspection.repository';
import {
  assessWageCrime,
  thresholdErrors,
  thresholdOn,
  type WageCrimeAssessment,
  type WageCrimeThreshold,
} from './wage-crime.rules';

export interface WageCrimeInput {
  /** GB/T 2260 province code, 2 digits ('31'). */
  provinceCode: string;
  /** The date whose figure applies (Asia/Shanghai). */
  on: string;
  workers: number;
  /** Wages unpaid, fen. */
  arrearsFen: number;
  monthsUnpaid: number | null;
}

/** 拒不支付劳动报酬罪 thresholds per province and date (法释〔2013〕3号 第三条), and the assessment of a case. */
@Injectable()
export class WageCrimeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: InspectionRepository,
  ) {}

  /** Does the unpaid amount meet 数额较大 in the province on that date? (meets, the figure used, the reasons) */
  async assess(em: EntityManager, input: WageCrimeInput): Promise<WageCrimeAssessment> {
    const rows = await this.repo.thresholds(em, input.provinceCode);
    return assessWageCrime(thresholdOn(rows, input.provinceCode, input.on), input);
  }

  list(provinceCode?: string): Promise<WageCrimeThreshold[]> {
    return this.repo.thresholds(this.tx.manager, provinceCode);
  }

  /**
   * ADMIN adds a figure effective from a date later than the province's latest one: history is never rewritten
   * (a case assessed for an earlier date keeps its answer).
   */
  async add(admin: Principal, t: Omit<WageCrimeThreshold, 'verified'>): Promise<WageCrimeThreshold> {
    const errors = thresholdErrors(t);
    if (errors.length) throw AppException.validation(errors);
    return this.tx.run(async (em) => {
      await this.repo.lockThresholds(em, t.provinceCode);
      const rows = await this.repo.thresholds(em, t.provinceCode);
      const latest = rows.at(-1);
      if (latest && latest.effectiveFrom >= t.effectiveFrom)
        throw AppException.conflict(
          'THRESHOLD_HISTORY_IMMUTABLE',
          'A new figure must take effect after the latest one of the province',
          { latestEffectiveFrom: latest.effectiveFrom },
        );
      await this.repo.insertThreshold(em, { id: newId(), ...t, verified: true, createdBy: admin.userId });
      return { ...t, verified: true };
    });
  }
}
