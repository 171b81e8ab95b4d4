import type { ArbitrationCaseViewDto } from '../arbitration/dto/arbitration-view.dto';
import type { MediationCaseViewDto } from '../mediation/dto/mediation.dto';
import { statusLabel } from './case-file-words';
import type { MyMediationDto } from './dto/my-case.dto';

/** The proceedings' own views as the worker's case file shows them (my-cases.service.ts). */

/** A document of the award not served yet: its suit window (调解仲裁法 第四十八条、第五十条) has not started. */
export function awardUnserved(a: ArbitrationCaseViewDto): boolean {
  return a.awards.some((d) => d.kind === 'AWARD' && d.servedOn === null);
}

/** The mediation as the worker sees it. */
export function mediationView(m: MediationCaseViewDto): MyMediationDto {
  return {
    id: m.id,
    status: m.status,
    label: statusLabel('MEDIATION', m.status),
    caseNo: m.caseNo,
    openedOn: m.openedOn,
    closedOn: m.closedOn,
    mediator: m.mediator,
    // A session called off (the mediation closed before it) will not take place: not listed.
    sessions: m.sessions
      .filter((s) => s.cancelledAt === null)
      .map((s) => ({ startsAt: s.startsAt, place: s.place, onlineLink: s.onlineLink })),
    agreement: m.agreement
      ? {
          status: m.agreement.status,
          signedOn: m.agreement.signedOn,
          totalFen: m.agreement.totalFen,
          instalments: m.agreement.instalments.map((p) => ({
            seq: p.seq,
            dueOn: p.dueOn,
            amountFen: p.amountFen,
            status: p.status,
            paidOn: p.paidOn,
          })),
        }
      : null,
  };
}
