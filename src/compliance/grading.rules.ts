import { yearOf } from '../calendar/local-date';
import type { Grade, ViolationKind } from './compliance.constants';

/**
 * 劳动保障守法诚信等级 (人社部规〔2016〕1号《企业劳动保障守法诚信等级评价办法》): the facts of one employer's
 * violations found in the evaluation year, aggregated by SQL, graded here by pure rules. The grades and their
 * criteria are 第七条 (人社部负责人答记者问, 2016-08-04: 办法第七条将企业劳动保障守法诚信等级划分为A级、B级和C级).
 */
export interface GradingFacts {
  /** Violation findings (被查处) in the year. */
  violations: number;
  /** Any finding with a mass or extreme incident (群体性事件、极端事件) or serious adverse social impact. */
  massIncident: boolean;
  /** Any finding whose rectification order, handling or penalty decision was refused (拒不履行). */
  orderRefused: boolean;
  /**
   * Any finding for which someone was held criminally liable (被追究刑事责任: a court's judgment, recorded on the
   * violation). A transfer to the police alone is not enough.
   */
  criminalLiability: boolean;
  /** Kinds found in the year (child labour, forced labour and obstruction each make C). */
  kinds: readonly ViolationKind[];
}

export interface GradingRule {
  id: string;
  grade: Grade;
  citation: string;
  description: string;
  applies: (f: GradingFacts) => boolean;
}

/** 被查处三次以上(含三次) — the C threshold on the number of findings. */
export const C_MIN_VIOLATIONS = 3;

/** Kinds that are 严重劳动保障违法行为 by themselves (评价办法 第七条第(三)项第3目). */
export const SEVERE_KINDS: readonly ViolationKind[] = ['CHILD_LABOR', 'FORCED_LABOR'];

/** The rules table. C rules are checked first; A and B are the fall-throughs. */
export const GRADING_RULES: readonly GradingRule[] = [
  {
    // 评价办法 第七条第(三)项第1目: 因劳动保障违法行为被查处三次以上(含三次)
    id: 'C_THREE_OR_MORE_FINDINGS',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第1目',
    description: '被查处三次以上（含三次）',
    applies: (f) => f.violations >= C_MIN_VIOLATIONS,
  },
  {
    // 评价办法 第七条第(三)项第2目: 引发群体性事件、极端事件或造成严重不良社会影响
    id: 'C_MASS_OR_EXTREME_INCIDENT',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第2目',
    description: '因劳动保障违法行为引发群体性事件、极端事件或造成严重不良社会影响',
    applies: (f) => f.massIncident,
  },
  {
    // 评价办法 第七条第(三)项第3目: 因使用童工、强迫劳动等严重劳动保障违法行为被查处
    id: 'C_SEVERE_VIOLATION',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第3目',
    description: '因使用童工、强迫劳动等严重劳动保障违法行为被查处',
    applies: (f) => f.kinds.some((k) => SEVERE_KINDS.includes(k)),
  },
  {
    // 评价办法 第七条第(三)项第4目: 拒不履行劳动保障监察限期整改指令、行政处理决定和行政处罚决定
    id: 'C_ORDER_REFUSED',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第4目',
    description: '拒不履行限期整改指令、行政处理决定或行政处罚决定',
    applies: (f) => f.orderRefused,
  },
  {
    // 评价办法 第七条第(三)项第5目: 无理抗拒、阻挠实施劳动保障监察
    id: 'C_OBSTRUCTION',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第5目',
    description: '无理抗拒、阻挠人力资源社会保障行政部门实施劳动保障监察',
    applies: (f) => f.kinds.includes('OBSTRUCTION'),
  },
  {
    // 评价办法 第七条第(三)项第6目: 因劳动保障违法行为被追究刑事责任 (a judgment; a transfer to the police is not)
    id: 'C_CRIMINAL_LIABILITY',
    grade: 'C',
    citation: '人社部规〔2016〕1号 第七条第（三）项第6目',
    description: '因劳动保障违法行为被追究刑事责任',
    applies: (f) => f.criminalLiability,
  },
  {
    // 评价办法 第七条第(二)项: 因劳动保障违法行为被查处，但不属于C级所列情形
    id: 'B_FOUND_NOT_C',
    grade: 'B',
    citation: '人社部规〔2016〕1号 第七条第（二）项',
    description: '因劳动保障违法行为被查处，但不属于C级所列情形',
    applies: (f) => f.violations > 0,
  },
  {
    // 评价办法 第七条第(一)项: 遵守劳动保障法律、法规和规章，未因劳动保障违法行为被查处
    id: 'A_NO_FINDING',
    grade: 'A',
    citation: '人社部规〔2016〕1号 第七条第（一）项',
    description: '未因劳动保障违法行为被查处',
    applies: (f) => f.violations === 0,
  },
];

export interface GradeResult {
  grade: Grade;
  /** Every rule of the decisive grade that fired (all C rules when C, else the one B or A rule). */
  reasons: { ruleId: string; citation: string }[];
}

/** The grade of one employer for one year: C when any C rule fires (all of them listed), else B, else A. */
export function gradeFor(facts: GradingFacts): GradeResult {
  for (const grade of ['C', 'B', 'A'] as const) {
    const fired = GRADING_RULES.filter((r) => r.grade === grade && r.applies(facts));
    if (fired.length) return { grade, reasons: fired.map((r) => ({ ruleId: r.id, citation: r.citation })) };
  }
  // Unreachable: A_NO_FINDING and B_FOUND_NOT_C cover violations === 0 and > 0.
  throw new RangeError(`violations must be a non-negative integer, got ${facts.violations}`);
}

/** What the grading reads of one violation (gradingFacts in compliance.repository.ts aggregates these per year). */
export interface ViolationGradingInput {
  foundOn: string;
  kinds: readonly ViolationKind[];
  massIncident: boolean;
  orderRefused: boolean;
  criminalLiabilityOn: string | null;
}

/** Whether a change of a violation's facts changes its year's grade input (the C rules of 第七条第（三）项 read them). */
export function gradingInputChanged(before: ViolationGradingInput, after: ViolationGradingInput): boolean {
  const key = (v: ViolationGradingInput) =>
    JSON.stringify([
      v.foundOn,
      [...new Set(v.kinds)].sort(),
      v.massIncident,
      v.orderRefused,
      v.criminalLiabilityOn !== null,
    ]);
  return key(before) !== key(after);
}

/**
 * The year a change to a finding must regrade, or null: the finding's year (grades read the findings of one
 * calendar year, graded the next 1 January) once it is over or was graded already; a year in course is left to its
 * own run.
 */
export function yearToRegrade(foundOn: string, today: string, graded: boolean): number | null {
  const year = yearOf(foundOn);
  return graded || year < yearOf(today) ? year : null;
}
