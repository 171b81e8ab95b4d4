import { fieldError, type FieldError } from '../common/errors/app-exception';

/**
 * Why a tribunal member is replaced: recused (回避 decided by the commission, 调解仲裁法 第三十三条), or unable to act
 * for another cause (left the commission, ill, …): the commission names another, the tribunal keeps its size
 * (调解仲裁法 第三十一条: one arbitrator or three).
 */
export const REPLACEMENT_REASONS = ['RECUSAL', 'UNABLE_TO_ACT'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/**
 * Pure: what is wrong with replacing `leaving` by `incoming` on this tribunal — the one leaving must sit on it, the one
 * coming in must not already (调解仲裁法 第三十一条: 一名或者三名仲裁员, no member twice). Whether `incoming` may be
 * seated at all (active arbitrator of the commission, not recused) is ArbitrationColleagues', asked after this.
 */
export function replacementProblems(
  tribunal: readonly string[],
  leaving: string,
  incoming: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!tribunal.includes(leaving))
    problems.push(
      fieldError(
        'leavingArbitratorId',
        'onTribunal',
        `${leaving} 不是本案仲裁庭的组成人员`,
        `${leaving} does not sit on this case's tribunal`,
      ),
    );
  if (tribunal.includes(incoming))
    problems.push(
      fieldError(
        'incomingArbitratorId',
        'notOnTribunal',
        `${incoming} 已是本案仲裁庭的组成人员`,
        `${incoming} already sits on this case's tribunal`,
      ),
    );
  return problems;
}

/** Pure: the tribunal with `leaving` replaced by `incoming` in its place (the same size, the others unchanged). */
export function replaceMember(tribunal: readonly string[], leaving: string, incoming: string): string[] {
  return tribunal.map((id) => (id === leaving ? incoming : id));
}
