import type { ArbitrationPartyWindowId } from './arbitration.deadline-rules';
import type { ClaimType } from './arbitration.constants';
import { fieldError, type FieldError } from '../common/errors/app-exception';

/**
 * Award documents (裁决书) and the interim rulings of a tribunal, as pure rules: which documents an award makes, the
 * parties' windows each one opens on service, and the conditions of 先行裁决 and 先予执行.
 */

/** AWARD: the award that ends the case; PARTIAL: 先行裁决 on the part whose facts are already clear. */
export const AWARD_DOCUMENT_KINDS = ['AWARD', 'PARTIAL'] as const;
export type AwardDocumentKind = (typeof AWARD_DOCUMENT_KINDS)[number];

export interface AwardDocumentPlan {
  final: boolean;
  claimIds: string[];
}

/**
 * 办案规则 第五十条: 裁决内容同时涉及终局裁决和非终局裁决的，应当分别制作裁决书 — the final items in one document, the
 * non-final ones in another (final first); a homogeneous decision is one document. Every claim is in exactly one.
 */
export function splitAwardDocuments(claims: readonly { id: string; final: boolean }[]): AwardDocumentPlan[] {
  const plans: AwardDocumentPlan[] = [];
  for (const final of [true, false]) {
    const ids = claims.filter((c) => c.final === final).map((c) => c.id);
    if (ids.length > 0) plans.push({ final, claimIds: ids });
  }
  return plans;
}

/**
 * The parties' windows that run from service of a document: the suit window always (终局裁决: the worker, 调解仲裁法
 * 第四十八条; 非终局裁决: either party, 第五十条), the employer's set-aside window only for a final award (第四十九条).
 */
export function partyWindowsOf(final: boolean): ArbitrationPartyWindowId[] {
  return final ? ['ARBITRATION_SUIT_WINDOW', 'ARBITRATION_SET_ASIDE_WINDOW'] : ['ARBITRATION_SUIT_WINDOW'];
}

/** Why the claims chosen for a 先行裁决 cannot be decided now (调解仲裁法 第四十三条第二款), or [] when they can. */
export function partialAwardErrors(undecided: readonly string[], chosen: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (new Set(chosen).size !== chosen.length)
    errors.push(fieldError('claims', 'arrayUnique', '每项请求只能裁决一次', 'a claim is decided once'));
  if (chosen.some((id) => !undecided.includes(id)))
    errors.push(fieldError('claims', 'undecided', '只能裁决尚未裁决的请求', 'only claims not yet decided'));
  // 其中一部分事实已经清楚 → that part first: a decision on every remaining claim is the award itself.
  if (chosen.length >= undecided.length)
    errors.push(
      fieldError(
        'claims',
        'partial',
        '部分裁决须至少留下一项请求待最终裁决',
        'a partial award leaves at least one claim for the award',
      ),
    );
  return errors;
}

/** 先予执行 is for claims of these kinds only (调解仲裁法 第四十四条第一款: 追索劳动报酬、工伤医疗费、经济补偿或者赔偿金). */
export const PROVISIONAL_EXECUTION_TYPES: ReadonlySet<ClaimType> = new Set([
  'LABOR_REMUNERATION',
  'WORK_INJURY_MEDICAL',
  'ECONOMIC_COMPENSATION',
  'DAMAGES',
]);

export interface ProvisionalExecutionFacts {
  /** The claims it covers (undecided claims of the case). */
  /** amountFen null: a claim not to money (nothing of it to execute). */
  claims: readonly { type: ClaimType; amountFen: number | null; decided: boolean }[];
  amountFen: number;
  /** 当事人之间权利义务关系明确 (第四十四条第二款第（一）项). */
  rightsClear: boolean;
  /** 不先予执行将严重影响申请人的生活 (第四十四条第二款第（二）项). */
  livelihoodAtRisk: boolean;
}

/** The unmet conditions of 先予执行 (调解仲裁法 第四十四条), as field errors; [] when it may be ruled. */
export function provisionalExecutionErrors(f: ProvisionalExecutionFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (f.claims.length === 0)
    errors.push(
      fieldError('claimIds', 'arrayNotEmpty', '请列明先予执行涉及的请求', 'name the claims it covers'),
    );
  if (f.claims.some((c) => !PROVISIONAL_EXECUTION_TYPES.has(c.type)))
    errors.push(
      fieldError(
        'claimIds',
        'claimType',
        '只能是追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的请求（第四十四条第一款）',
        'only claims for remuneration, work-injury medical costs, compensation or damages (第四十四条第一款)',
      ),
    );
  if (f.claims.some((c) => c.decided))
    errors.push(fieldError('claimIds', 'undecided', '只能是尚未裁决的请求', 'only claims not yet decided'));
  if (!f.rightsClear)
    errors.push(
      fieldError(
        'rightsClear',
        'statutoryCondition',
        '须当事人之间权利义务关系明确（第四十四条第二款第（一）项）',
        '当事人之间权利义务关系明确 is required (第四十四条第二款第（一）项)',
      ),
    );
  if (!f.livelihoodAtRisk)
    errors.push(
      fieldError(
        'livelihoodAtRisk',
        'statutoryCondition',
        '须不先予执行将严重影响申请人的生活（第四十四条第二款第（二）项）',
        '不先予执行将严重影响申请人的生活 is required (第四十四条第二款第（二）项)',
      ),
    );
  const claimed = f.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0);
  if (f.amountFen < 1 || f.amountFen > claimed)
    errors.push(
      fieldError(
        'amountFen',
        'range',
        `须在 1 至所涉请求的请求金额（${claimed}）之间`,
        `between 1 and the amount claimed on those claims (${claimed})`,
      ),
    );
  return errors;
}

/**
 * What earlier 先予执行 rulings already ordered against the claims of a new one, and what those claims asked for
 * (调解仲裁法 第四十四条: 先予执行 advances what is claimed, never more). A ruling's amount is not split among its claims,
 * so rulings are counted together with every earlier ruling that shares a claim with them, transitively: the cap is
 * what all the claims of that group asked for.
 */
export function provisionalExecutionTotals(
  claims: readonly { id: string; amountFen: number | null }[],
  earlier: readonly { claimIds: readonly string[]; amountFen: number }[],
  claimIds: readonly string[],
): { claimIds: string[]; claimedFen: number; alreadyOrderedFen: number } {
  const group = new Set(claimIds);
  const counted = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    earlier.forEach((r, i) => {
      if (counted.has(i) || !r.claimIds.some((id) => group.has(id))) return;
      counted.add(i);
      r.claimIds.forEach((id) => group.add(id));
      grew = true;
    });
  }
  return {
    claimIds: [...group],
    claimedFen: claims.filter((c) => group.has(c.id)).reduce((s, c) => s + (c.amountFen ?? 0), 0),
    alreadyOrderedFen: [...counted].reduce((s, i) => s + earlier[i].amountFen, 0),
  };
}
