import { Injectable, Logger } from '@nestjs/common';
import { todayInShanghai } from '../calendar/local-date';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ARBITRATION_CASE_TYPE, type CourtOptionReason } from './arbitration.constants';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';

/** The clocks whose breach lets the worker go to court, and the statuses in which each still matters. */
const LATE: Readonly<
  Record<string, { reason: CourtOptionReason; statuses: readonly string[]; basis: string }>
> = {
  // 调解仲裁法 第二十九条: 对仲裁委员会逾期未作出决定的，申请人可以就该劳动争议事项向人民法院提起诉讼
  ARBITRATION_ACCEPTANCE: {
    reason: 'ACCEPTANCE_OVERDUE',
    statuses: ['APPLIED'],
    basis: '劳动争议调解仲裁法 第二十九条',
  },
  // 调解仲裁法 第四十三条第一款: 逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼
  ARBITRATION_DECISION: {
    reason: 'AWARD_OVERDUE',
    statuses: ['ACCEPTED', 'TRIBUNAL_FORMED', 'HEARING_SCHEDULED'],
    basis: '劳动争议调解仲裁法 第四十三条',
  },
};

/**
 * When the commission is late (16.7): a nightly sweep finds open cases whose acceptance or award period is breached,
 * records on the case since when and why the worker may sue, puts it on the timeline and tells the worker by SMS —
 * once per case and period. If the worker then sues, the case is closed TERMINATED (办案规则 第四十八条).
 */
@Injectable()
export class ArbitrationLatenessService {
  private readonly logger = new Logger(ArbitrationLatenessService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ArbitrationRepository,
    private readonly deadlines: DeadlinesService,
    private readonly p: ArbitrationProceeding,
  ) {}

  async sweep(today: string = todayInShanghai()): Promise<{ told: number }> {
    const breached = await this.deadlines.breached(ARBITRATION_CASE_TYPE, Object.keys(LATE), today);
    let told = 0;
    for (const clock of breached) {
      const late = LATE[clock.rule.id];
      const done = await this.tx.run(async (em) => {
        const c = await this.repo.lockCase(em, clock.caseId);
        if (!c || !late.statuses.includes(c.status) || c.courtOptionReason === late.reason) return false;
        await this.repo.updateCase(em, c.id, { courtOptionSince: today, courtOptionReason: late.reason });
        await this.p.record(em, c.complaintId, c.id, 'ARBITRATION_COMMISSION_LATE', null, {
          reason: late.reason,
          due: clock.due,
          basis: late.basis,
        });
        await this.p.notify(em, c, 'ARBITRATION_COMMISSION_LATE', `late:${late.reason}`, {
          period: late.reason,
        });
        return true;
      });
      if (done) told++;
    }
    if (told) this.logger.log({ told, today }, 'arbitration periods breached: workers told they may sue');
    return { told };
  }
}
