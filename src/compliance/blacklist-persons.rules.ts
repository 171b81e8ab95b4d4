import { compareDates } from '../calendar/local-date';
import { normalisePii } from '../common/pii-crypto';
import { timelyStatement } from './blacklist.rules';

/**
 * The persons listed with the employer (当事人): 人社部令第45号 第五条 lists 该用人单位及其法定代表人或者主要负责人、
 * 直接负责的主管人员和其他直接责任人员（以下简称当事人）. Pure rules: who must be named, and how a published entry shows them.
 */
export const RESPONSIBLE_ROLES = [
  // 人社部令第45号 第五条: 法定代表人
  'LEGAL_REPRESENTATIVE',
  // 人社部令第45号 第五条: 主要负责人 (where the employer has no 法定代表人, or beside one)
  'PRINCIPAL',
  // 人社部令第45号 第五条: 直接负责的主管人员
  'DIRECTLY_RESPONSIBLE',
  // 人社部令第45号 第五条: 其他直接责任人员
  'OTHER_RESPONSIBLE',
] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

export const PERSON_RULES = {
  // 人社部令第45号 第五条: 法定代表人或者主要负责人 — every listing names at least one of them
  HEAD_ROLES: ['LEGAL_REPRESENTATIVE', 'PRINCIPAL'] as readonly ResponsibleRole[],
  // Platform limit (not in the statute): a listing names 1..20 persons
  MAX_PERSONS: 20,
  // Platform rule: 人社部令第45号 第九条 has the 名单 公开 on the bureau's site, 第四条 asks for 个人信息保护, neither says
  // which fields (verified, mohrss.gov.cn t20211229_431810): the name and only the ID number's last 4 characters
  PUBLIC_ID_VISIBLE_TAIL: 4,
} as const;

export interface ResponsiblePerson {
  role: ResponsibleRole;
  name: string;
  idNumber: string;
}

/** A problem with the persons of a listing request, as a field error (the 400 lists them all). */
export interface PersonProblem {
  field: string;
  constraint: 'headRequired' | 'duplicateIdNumber';
  zh: string;
  en: string;
}

/**
 * 人社部令第45号 第五条: the persons listed with the employer name its 法定代表人 or 主要负责人 (at least one of them), and
 * one person once — the same resident ID number twice (after normalisation: case, spaces) is a wrong input, whatever
 * the roles (one person in two roles is recorded under the first role given).
 */
export function personProblems(persons: readonly ResponsiblePerson[]): PersonProblem[] {
  const problems: PersonProblem[] = [];
  if (!persons.some((p) => PERSON_RULES.HEAD_ROLES.includes(p.role)))
    problems.push({
      field: 'responsiblePersons',
      constraint: 'headRequired',
      zh: '须列明用人单位的法定代表人或者主要负责人（人社部令第45号 第五条）',
      en: 'name the legal representative or the principal of the employer (人社部令第45号 第五条)',
    });
  const seen = new Set<string>();
  persons.forEach((p, i) => {
    const id = normalisePii('id_number', p.idNumber);
    if (seen.has(id))
      problems.push({
        field: `responsiblePersons.${i}.idNumber`,
        constraint: 'duplicateIdNumber',
        zh: '同一身份证号码只能列明一次',
        en: 'the same ID number is given twice',
      });
    seen.add(id);
  });
  return problems;
}

/** How a published entry shows a listed person's ID number: all but the last 4 characters hidden (PERSON_RULES). */
export function publicIdNumber(idNumber: string): string {
  const tail = PERSON_RULES.PUBLIC_ID_VISIBLE_TAIL;
  return `${'*'.repeat(Math.max(idNumber.length - tail, 0))}${idNumber.slice(-tail)}`;
}

/** A person the listing's notice was served on: the ID number's key (blind index) and their statement, if any. */
export interface NoticedPerson {
  key: string;
  statementOn: string | null;
}

export type PersonNoticeRefusal =
  | { code: 'LISTING_PERSON_NOT_NOTICED'; message: string; responsiblePersons: number[] }
  | {
      code: 'STATEMENT_PERIOD_RUNNING';
      message: string;
      statementDueOn: string;
      responsiblePersons: number[];
    }
  | { code: 'LISTING_BEFORE_STATEMENT'; message: string; statementOn: string; responsiblePersons: number[] };

/**
 * 人社部令第45号 第五条 (当事人 includes the persons) with its 告知、异议 article 第六条: each person listed was
 * named on the violation's notice, and stated (the listing not before it) or let the period pass — noticeRefusal's
 * rule, person by person. `listed` are the keys in the order the listing names them; the refusal gives positions.
 */
export function personNoticeRefusal(
  notice: { statementDueOn: string; persons: readonly NoticedPerson[] } | null,
  listed: readonly string[],
  listedOn: string,
): PersonNoticeRefusal | null {
  // A statement after the period is late (statementTiming): it counts as none.
  const named = new Map(
    (notice?.persons ?? []).map((p) => [
      p.key,
      { ...p, statementOn: timelyStatement(notice!.statementDueOn, p.statementOn) },
    ]),
  );
  const positions = (test: (p: NoticedPerson | undefined) => boolean) =>
    listed.flatMap((key, i) => (test(named.get(key)) ? [i] : []));
  const unnoticed = positions((p) => !p);
  if (!notice || unnoticed.length)
    return {
      code: 'LISTING_PERSON_NOT_NOTICED',
      message: 'A person to be listed was not named on the notice',
      responsiblePersons: notice ? unnoticed : listed.map((_, i) => i),
    };
  const early = positions((p) => p!.statementOn !== null && compareDates(listedOn, p!.statementOn) < 0);
  if (early.length)
    return {
      code: 'LISTING_BEFORE_STATEMENT',
      message: 'The listing cannot precede the statement it considers',
      statementOn: early
        .map((i) => named.get(listed[i])!.statementOn!)
        .sort()
        .at(-1)!,
      responsiblePersons: early,
    };
  if (compareDates(listedOn, notice.statementDueOn) > 0) return null;
  const silent = positions((p) => p!.statementOn === null);
  return silent.length
    ? {
        code: 'STATEMENT_PERIOD_RUNNING',
        message: 'A person named may still make a statement',
        statementDueOn: notice.statementDueOn,
        responsiblePersons: silent,
      }
    : null;
}
