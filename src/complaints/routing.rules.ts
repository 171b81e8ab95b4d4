import type { OrganisationKind } from '../reference/entities/organisation.entity';
import type { ComplaintCategory, ComplaintKind } from './complaint.constants';

export const ROUTE_TARGETS = ['MEDIATION', 'ARBITRATION', 'INSPECTION'] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];

/**
 * Where a complaint of each kind may go. A report (举报) names no complainant: only the inspectorate acts on it
 * (劳动保障监察条例 第九条); mediation and arbitration need a party who applies (人民调解法 第十七条; 调解仲裁法 第二十八条).
 */
export const ROUTE_TARGETS_BY_KIND: Readonly<Record<ComplaintKind, readonly RouteTarget[]>> = {
  COMPLAINT: ROUTE_TARGETS,
  REPORT: ['INSPECTION'],
};

/** The body that handles each proceeding. */
export const ROUTE_ORGANISATION_KIND: Record<RouteTarget, OrganisationKind> = {
  MEDIATION: 'MEDIATION_COMMITTEE',
  ARBITRATION: 'ARBITRATION_COMMISSION',
  INSPECTION: 'INSPECTION_BRIGADE',
};

export interface RoutingFacts {
  kind: ComplaintKind;
  category: ComplaintCategory;
  claimedAmountFen: number | null;
  affectedWorkers: number;
  wantsArbitration: boolean;
}

export interface RoutingReason {
  code: string;
  text: string;
  basis: string;
}

export interface RoutingSuggestion {
  target: RouteTarget;
  reasons: RoutingReason[];
}

/** Matters the inspectorate enforces itself (劳动保障监察条例 第十一条). */
const STATUTORY_VIOLATIONS: readonly ComplaintCategory[] = [
  'NO_CONTRACT',
  'SOCIAL_INSURANCE',
  'WORKING_HOURS_LEAVE',
];
/** Workers in one wage-arrears complaint from which the inspectorate is the faster remedy. */
export const COLLECTIVE_ARREARS_WORKERS = 10;
/** Above this claim (¥50,000) the suggestion notes that the worker may prefer arbitration. */
export const LARGE_CLAIM_FEN = 5_000_000;

/**
 * Proposes where an accepted complaint should go, with the reasons; staff decide. Pure: the same facts always
 * give the same answer.
 */
export function suggestRoute(f: RoutingFacts): RoutingSuggestion {
  if (f.kind === 'REPORT')
    return {
      target: 'INSPECTION',
      reasons: [{ code: 'REPORT', text: '举报由劳动保障监察机构核查处理', basis: '劳动保障监察条例 第九条' }],
    };
  if (STATUTORY_VIOLATIONS.includes(f.category))
    return {
      target: 'INSPECTION',
      reasons: [
        {
          code: 'STATUTORY_VIOLATION',
          text: '属于劳动保障监察事项（劳动合同、工作时间和休息休假、社会保险）',
          basis: '劳动保障监察条例 第十一条',
        },
        ...(f.wantsArbitration
          ? [
              {
                code: 'ARBITRATION_REQUESTED',
                text: '劳动者同时申请仲裁：监察处理违法行为，劳动者可同时就个人请求直接申请仲裁，无须等待监察处理结果',
                basis: '劳动争议调解仲裁法 第五条',
              },
            ]
          : []),
      ],
    };
  if (f.wantsArbitration)
    return {
      target: 'ARBITRATION',
      reasons: [
        {
          code: 'ARBITRATION_REQUESTED',
          text: '劳动者不愿调解，直接申请仲裁',
          basis: '劳动争议调解仲裁法 第五条',
        },
      ],
    };
  if (f.category === 'WAGE_ARREARS' && f.affectedWorkers >= COLLECTIVE_ARREARS_WORKERS)
    return {
      target: 'INSPECTION',
      reasons: [
        {
          code: 'COLLECTIVE_WAGE_ARREARS',
          text: `${f.affectedWorkers}名劳动者被拖欠工资：由监察机构责令用人单位限期支付`,
          basis: '劳动保障监察条例 第二十六条；保障农民工工资支付条例',
        },
      ],
    };
  const reasons: RoutingReason[] = [
    { code: 'INDIVIDUAL_DISPUTE', text: '个别劳动争议，先行基层调解', basis: '劳动争议调解仲裁法 第十条' },
  ];
  if ((f.claimedAmountFen ?? 0) > LARGE_CLAIM_FEN)
    reasons.push({
      code: 'LARGE_CLAIM',
      text: '请求金额较大，调解不成可直接申请仲裁',
      basis: '劳动争议调解仲裁法 第十四条',
    });
  return { target: 'MEDIATION', reasons };
}

/** The reason added for a member of a confirmed collective dispute: the group is routed and handled together. */
export function collectiveRouting(workers: number): RoutingReason {
  return {
    code: 'COLLECTIVE_DISPUTE',
    text: `集体劳动争议（${workers}名劳动者），全体成员一并转交、作为一个案件优先处理`,
    // 劳动争议调解仲裁法 第七条: 劳动者一方在十人以上，并有共同请求的，可以推举代表参加调解、仲裁或者诉讼活动
    basis: '劳动争议调解仲裁法 第七条',
  };
}
