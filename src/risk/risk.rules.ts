/**
 * Risk-warning rules as data: the levels, the warning kinds, the external-signal vocabulary and the built-in
 * rule set (version 1). Each rule carries its legal or policy basis; docs/risk-rules.md lists them.
 */

export const RISK_KINDS = ['WAGE_ARREARS', 'MASS_DISPUTE'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** Ordered from lowest to highest: blue < yellow < orange < red. */
export const RISK_LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const WARNING_STATUSES = ['NEW', 'ACKNOWLEDGED', 'HANDLING', 'CLOSED'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** The higher of two levels (null = no level). */
export function maxLevel(a: RiskLevel | null, b: RiskLevel): RiskLevel {
  return a === null || levelRank(b) > levelRank(a) ? b : a;
}

/** The highest level per employer of (employer, level) rows; an unknown level is ignored. */
export function highestLevels(
  rows: readonly { employerId: string; level: string }[],
): Map<string, RiskLevel> {
  const out = new Map<string, RiskLevel>();
  for (const r of rows)
    if ((RISK_LEVELS as readonly string[]).includes(r.level))
      out.set(r.employerId, maxLevel(out.get(r.employerId) ?? null, r.level as RiskLevel));
  return out;
}

/** One level higher, RED stays RED. */
export function raiseLevel(level: RiskLevel): RiskLevel {
  return RISK_LEVELS[Math.min(levelRank(level) + 1, RISK_LEVELS.length - 1)];
}

/**
 * Construction employers weigh one level higher in the 60 days before Spring Festival: the annual winter
 * campaign against wage arrears of migrant workers (根治欠薪冬季专项行动, 保障农民工工资支付条例 第十条).
 */
export const SPRING_FESTIVAL_UPLIFT_DAYS = 60;
/** GB/T 4754-2017 门类 E = 建筑业. */
export const CONSTRUCTION_INDUSTRY_CODE = 'E';

/** A red warning not acknowledged within this time goes to the jurisdiction's supervisors (platform policy). */
export const RED_ACKNOWLEDGE_WITHIN_MS = 2 * 3600_000;

/** Where external signals come from. */
export const SIGNAL_SOURCES = [
  'SOCIAL_INSURANCE', // 社保
  'TAX', // 税务
  'MARKET_REGULATION', // 市场监管
  'BANK', // 银行 (农民工工资专用账户)
  'UTILITY', // 水电
  'COURT', // 法院 (执行)
] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** What a signal kind means and the values it takes. */
export const SIGNAL_KINDS = {
  /** Months of social-insurance contributions in arrears (社会保险法 第六十三条). */
  SOCIAL_INSURANCE_ARREARS_MONTHS: { min: 0, max: 600, integer: true },
  /** The wage account missed a payroll payment (保障农民工工资支付条例 第二十七条, 第三十一条); value = 1 per event. */
  PAYROLL_ACCOUNT_MISSED_PAYMENT: { min: 0, max: 1, integer: true },
  /** Drop of water/electricity usage against the same period, in percent. */
  UTILITY_USAGE_DROP_PCT: { min: 0, max: 100, integer: false },
  /** A tax filing anomaly (零申报/停报); value = 1 per event. */
  TAX_FILING_ANOMALY: { min: 0, max: 1, integer: true },
  /** Listed (1) or removed (0) on the 经营异常名录 (企业信息公示暂行条例 第十七条). */
  ABNORMAL_OPERATION_LISTED: { min: 0, max: 1, integer: true },
  /** A court enforcement against the employer (被执行); value = 1 per case. */
  COURT_ENFORCEMENT: { min: 0, max: 1, integer: true },
} as const;
export type SignalKind = keyof typeof SIGNAL_KINDS;
export const SIGNAL_KIND_NAMES = Object.keys(SIGNAL_KINDS) as SignalKind[];

/** A condition tree as json-rules-engine reads it. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown };

export interface RiskRule {
  /** Stable id, e.g. "MD-COMMON-CLAIM-10". */
  id: string;
  kind: RiskKind;
  /** The level this rule contributes when it fires. */
  level: RiskLevel;
  conditions: { all: RuleCondition[] } | { any: RuleCondition[] } | { not: RuleCondition };
  /** Legal or policy basis, one line. */
  basis: string;
  /** Shown to staff; `{{fact}}` is replaced by the feature's value. */
  explanation: string;
  /** Further features shown with a hit (e.g. the complaint ids behind a count). */
  evidence?: string[];
}

export interface RiskRuleSet {
  rules: RiskRule[];
}

/** The built-in rule set (version 1). docs/risk-rules.md describes each rule. */
export const DEFAULT_RULE_SET: RiskRuleSet = {
  rules: [
    {
      // 刑法 第二百七十六条之一; 法释〔2013〕3号 第三条 (province sets the amounts), 第四条: complaints are no order to pay —
      // verify and order payment first; only an order not complied with in its period is assessed for a transfer.
      // Fires on the complaints' window only; the same threshold met by an inspection case or a recorded finding
      // has a rule of its own below, each explained by the facts that made it fire (issue 18).
      id: 'WA-CRIME-THRESHOLD',
      kind: 'WAGE_ARREARS',
      level: 'RED',
      conditions: { all: [{ fact: 'wageCrimeByComplaints', operator: 'equal', value: true }] },
      basis:
        '刑法 第二百七十六条之一; 最高人民法院法释〔2013〕3号 第三条 (省级数额标准)、第四条 (经责令支付逾期仍不支付的方可移送; 投诉不是责令支付)',
      explanation:
        '90日内{{owedWageWorkers90d}}名劳动者投诉欠薪，尚欠累计{{owedArrearsFen90d|yuan}}，已达本省拒不支付劳动报酬罪数额标准：立即核查、依法责令限期支付；逾期仍不支付的，评估移送公安机关',
      evidence: ['owedWageWorkers90d', 'owedArrearsFen90d', 'wageComplaintIds90d'],
    },
    {
      // 刑法 第二百七十六条之一; 法释〔2013〕3号 第三条、第四条: a case's wages meeting the threshold, its order to pay not complied with in its period
      id: 'WA-CRIME-THRESHOLD-CASE',
      kind: 'WAGE_ARREARS',
      level: 'RED',
      conditions: {
        all: [{ fact: 'wageCrimeInspectionCases365d', operator: 'greaterThanInclusive', value: 1 }],
      },
      basis:
        '刑法 第二百七十六条之一; 最高人民法院法释〔2013〕3号 第三条 (省级数额标准, 监察案件查明的数额)、第四条 (责令支付后在指定的期限内仍不支付)',
      explanation:
        '365日内{{wageCrimeInspectionCases365d}}件监察案件查明拖欠工资达到本省拒不支付劳动报酬罪数额标准，且经责令支付未在指定期限内支付（其中最大一件{{wageCrimeCaseWorkers}}名劳动者，{{wageCrimeCaseArrearsFen|yuan}}）：评估移送公安机关',
      evidence: ['wageCrimeCaseWorkers', 'wageCrimeCaseArrearsFen', 'wageCrimeInspectionCaseIds365d'],
    },
    {
      // 法释〔2013〕3号 第四条: a case's order to pay still runs — not yet 经责令支付仍不支付; it will be if unpaid after its last day
      id: 'WA-CRIME-CASE-ORDER-DUE',
      kind: 'WAGE_ARREARS',
      level: 'ORANGE',
      conditions: {
        all: [
          { fact: 'wageCrimeInspectionCasesOrderRunning365d', operator: 'greaterThanInclusive', value: 1 },
        ],
      },
      basis:
        '刑法 第二百七十六条之一; 最高人民法院法释〔2013〕3号 第四条 (责令支付的期限届满前; 逾期仍不支付的方构成“经责令支付仍不支付”)',
      explanation:
        '{{wageCrimeInspectionCasesOrderRunning365d}}件监察案件查明拖欠工资达到本省拒不支付劳动报酬罪数额标准，责令支付期限至{{wageCrimeCaseOrderDueOn}}：跟踪支付，逾期仍不支付的评估移送公安机关',
      evidence: ['wageCrimeCaseOrderDueOn', 'wageCrimeInspectionCaseOrderRunningIds365d'],
    },
    {
      // 劳动保障监察条例 第二十六条 (责令限期支付); 法释〔2013〕3号 第四条: no order to pay yet, so no 经责令支付仍不支付
      id: 'WA-CRIME-CASE-NO-ORDER',
      kind: 'WAGE_ARREARS',
      level: 'YELLOW',
      conditions: {
        all: [{ fact: 'wageCrimeInspectionCasesNoOrder365d', operator: 'greaterThanInclusive', value: 1 }],
      },
      basis:
        '劳动保障监察条例 第二十六条 (责令限期支付); 最高人民法院法释〔2013〕3号 第四条 (未经责令支付的，不构成“经责令支付仍不支付”)',
      explanation:
        '{{wageCrimeInspectionCasesNoOrder365d}}件监察案件查明拖欠工资尚未支付的数额达到本省拒不支付劳动报酬罪数额标准，尚未责令支付：依法责令限期支付',
      evidence: ['wageCrimeInspectionCaseNoOrderIds365d'],
    },
    {
      // 刑法 第二百七十六条之一; 法释〔2013〕3号 第三条、第四条: a violation meeting the threshold, order to pay not complied with in its period
      id: 'WA-CRIME-THRESHOLD-FINDING',
      kind: 'WAGE_ARREARS',
      level: 'RED',
      conditions: { all: [{ fact: 'wageCrimeViolations365d', operator: 'greaterThanInclusive', value: 1 }] },
      basis:
        '刑法 第二百七十六条之一; 最高人民法院法释〔2013〕3号 第三条 (违法行为认定达到数额标准)、第四条 (责令支付后在指定的期限内仍不支付)',
      explanation:
        '365日内{{wageCrimeViolations365d}}项违法行为经认定达到本省拒不支付劳动报酬罪数额标准，且经责令支付未在指定期限内支付：评估移送公安机关',
      evidence: ['wageCrimeViolationIds365d'],
    },
    {
      // 法释〔2013〕3号 第四条: the order's period still runs — not yet 经责令支付仍不支付; it will be if unpaid after its last day
      id: 'WA-CRIME-ORDER-DUE',
      kind: 'WAGE_ARREARS',
      level: 'ORANGE',
      conditions: {
        all: [{ fact: 'wageCrimeViolationsOrderRunning365d', operator: 'greaterThanInclusive', value: 1 }],
      },
      basis:
        '刑法 第二百七十六条之一; 最高人民法院法释〔2013〕3号 第四条 (责令支付的期限届满前; 逾期仍不支付的方构成“经责令支付仍不支付”)',
      explanation:
        '{{wageCrimeViolationsOrderRunning365d}}项违法行为拖欠数额达到本省拒不支付劳动报酬罪数额标准，责令支付期限至{{wageCrimeOrderDueOn}}：跟踪支付，逾期仍不支付的评估移送公安机关',
      evidence: ['wageCrimeOrderDueOn', 'wageCrimeViolationOrderRunningIds365d'],
    },
    {
      // 保障农民工工资支付条例 第二十九条 (欠薪线索); platform policy: 3 wage complaints in 30 days
      id: 'WA-COMPLAINTS-30D',
      kind: 'WAGE_ARREARS',
      level: 'ORANGE',
      conditions: { all: [{ fact: 'wageComplaints30d', operator: 'greaterThanInclusive', value: 3 }] },
      basis: '保障农民工工资支付条例 第五条、第四十七条 (欠薪线索处置); 平台规则: 30日内3件以上欠薪投诉',
      explanation:
        '30日内收到{{wageComplaints30d}}件欠薪投诉（{{firstComplaintOn30d}}至{{lastComplaintOn30d}}）',
      evidence: ['firstComplaintOn30d', 'lastComplaintOn30d', 'wageComplaintIds30d'],
    },
    {
      // 保障农民工工资支付条例 第二十七条 (专用账户); 第三十一条 (银行 monthly check, notify 人社)
      id: 'WA-PAYROLL-MISSED',
      kind: 'WAGE_ARREARS',
      level: 'ORANGE',
      conditions: { all: [{ fact: 'payrollMissedPayments30d', operator: 'greaterThanInclusive', value: 1 }] },
      basis: '保障农民工工资支付条例 第二十七条、第三十一条 (农民工工资专用账户未按约定拨付)',
      explanation: '农民工工资专用账户30日内{{payrollMissedPayments30d}}次未按约定拨付',
      evidence: ['signalIds90d'],
    },
    {
      // 社会保险法 第六十三条; platform policy: 3+ months arrears with a complaint
      id: 'WA-SOCIAL-INSURANCE-ARREARS',
      kind: 'WAGE_ARREARS',
      level: 'YELLOW',
      conditions: {
        all: [
          { fact: 'socialInsuranceArrearsMonths', operator: 'greaterThanInclusive', value: 3 },
          { fact: 'complaints90d', operator: 'greaterThanInclusive', value: 1 },
        ],
      },
      basis: '社会保险法 第六十三条; 平台规则: 欠缴社保3个月以上且有投诉',
      explanation:
        '欠缴社会保险{{socialInsuranceArrearsMonths|number}}个月，且90日内有{{complaints90d}}件投诉',
      evidence: ['complaintIds90d', 'signalIds90d'],
    },
    {
      // 劳动争议调解仲裁法 第七条 (10人以上共同请求)
      id: 'MD-COMMON-CLAIM-10',
      kind: 'MASS_DISPUTE',
      level: 'RED',
      conditions: {
        all: [{ fact: 'maxCommonClaimWorkers30d', operator: 'greaterThanInclusive', value: 10 }],
      },
      basis: '劳动争议调解仲裁法 第七条 (劳动者一方在十人以上，并有共同请求)',
      explanation:
        '30日内{{maxCommonClaimWorkers30d}}名劳动者就{{commonClaimCategory30d|category}}对同一单位提出投诉',
      evidence: ['commonClaimCategory30d', 'commonClaimComplaintIds30d'],
    },
    {
      // platform policy (群体性事件早期识别): last 7 days ≥ 3 × weekly average of the previous 90 days, ≥ 5 complaints
      id: 'MD-SURGE-7D',
      kind: 'MASS_DISPUTE',
      level: 'ORANGE',
      conditions: {
        all: [
          { fact: 'surgeRatio7d', operator: 'greaterThanInclusive', value: 3 },
          { fact: 'complaints7d', operator: 'greaterThanInclusive', value: 5 },
        ],
      },
      basis: '平台规则: 近7日投诉量不少于此前90日周均值的3倍且不少于5件',
      explanation: '近7日{{complaints7d}}件投诉，此前90日周均值{{complaintsPrior90dWeeklyAvg|number}}件',
      evidence: ['complaintsPrior90dWeeklyAvg', 'complaintIds7d'],
    },
  ],
};

/** Rules on tables other modules are building (their features read 0/false until the table exists). */
DEFAULT_RULE_SET.rules.push(
  {
    // 劳动合同法 第四十一条 (裁减20人以上或不足20人但占10%以上: 提前30日说明情况并报告)
    id: 'MD-LAYOFF-ART41',
    kind: 'MASS_DISPUTE',
    level: 'ORANGE',
    conditions: {
      all: [
        { fact: 'layoffArt41Filings90d', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'complaints30d', operator: 'greaterThanInclusive', value: 1 },
      ],
    },
    basis: '劳动合同法 第四十一条 (经济性裁员达到法定人数) ; 平台规则: 同时有投诉',
    explanation:
      '90日内报告经济性裁员{{layoffHeadcountCut90d}}人（达到第四十一条标准），30日内有{{complaints30d}}件投诉',
    evidence: ['layoffHeadcountCut90d', 'layoffFilingIds90d', 'complaintIds30d'],
  },
  {
    // 保障农民工工资支付条例 第二十一条 (合并、分立前清偿), 第二十二条 (关闭、撤销、解散 注销前清偿); 搬迁、转产 and the complaints: platform policy
    id: 'MD-CLOSURE-WAGE',
    kind: 'MASS_DISPUTE',
    level: 'RED',
    conditions: {
      all: [
        { fact: 'closureNotices90d', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'wageComplaints30d', operator: 'greaterThanInclusive', value: 1 },
      ],
    },
    basis:
      '保障农民工工资支付条例 第二十一条 (合并、分立前清偿)、第二十二条 (关闭、解散前清偿); 平台规则: 搬迁、转产, 同时有欠薪投诉',
    explanation: '90日内有{{closureNotices90d}}份关闭/搬迁等告知，30日内有{{wageComplaints30d}}件欠薪投诉',
    evidence: ['closureNoticeIds90d', 'wageComplaintIds30d'],
  },
);
