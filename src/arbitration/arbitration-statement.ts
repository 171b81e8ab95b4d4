import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import { statementSigningError } from './arbitration.rules';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

/** What the tribunal records of a 仲裁调解书 when it closes the case by it. */
export interface MediationStatement {
  mediatedClaims?: { claimId: string; agreedFen: number }[];
  /** The day the last party signed for (签收) the 调解书. */
  signedOn?: string;
}

/**
 * 仲裁调解书 (调解仲裁法 第四十二条): the tribunal's, with the amount agreed per claim (none above the claim, every claim
 * given), and in force only once both parties signed for it — before that a party may go back on it and the tribunal
 * awards, so the case closes by it only when it is signed.
 */
@Injectable()
export class ArbitrationMediationStatement {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly p: ArbitrationProceeding,
  ) {}

  /** Checks and records the statement on the case's claims; returns its total (fen). */
  async record(
    em: EntityManager,
    viewer: Principal,
    c: ArbitrationCase,
    s: MediationStatement,
    today: string,
  ): Promise<number> {
    this.p.assertOnTribunal(viewer, c, 'a 调解书');
    await this.p.assertGates(em, c, 'CLOSE_MEDIATED');
    const claims = await this.repo.claimsOf(em, c.id);
    const agreed = new Map((s.mediatedClaims ?? []).map((m) => [m.claimId, m.agreedFen]));
    if (agreed.size !== claims.length || claims.some((x) => !agreed.has(x.id)))
      throw AppException.validation([
        fieldError(
          'mediatedClaims',
          'everyClaimOnce',
          '须为本案每项请求各填写一个调解金额',
          'give exactly one agreed amount for every claim of the case',
        ),
      ]);
    const above = claims.filter((x) => x.amountFen !== null && agreed.get(x.id)! > x.amountFen);
    if (above.length)
      throw AppException.badRequest('MEDIATED_EXCEEDS_CLAIM', 'An agreed amount is above the claim', {
        claimIds: above.map((x) => x.id),
      });
    const signing = statementSigningError(s.signedOn, c.acceptedOn, today);
    if (signing)
      throw AppException.validation([fieldError('signedOn', signing.constraint, signing.zh, signing.en)]);
    for (const x of claims)
      await this.repo.updateClaim(em, x.id, {
        awardedFen: agreed.get(x.id)!,
        awardReason: '仲裁调解书',
        final: null,
      });
    return claims.reduce((sum, x) => sum + agreed.get(x.id)!, 0);
  }
}
