import { assertIsoDate } from '../calendar/local-date';
import { twoYearLookback } from '../complaints/complaint.state';
import type {
  DeadlineRule,
  DeadlineRuleSet,
  LimitationResult,
  LocalisedText,
} from '../calendar/deadline-rules';

/**
 * The statutory periods of labor inspection, contributed to the deadline engine (assembled at src/deadline-rules.ts;
 * counting conventions in calendar/deadline-rules.ts), and the two-year look-back.
 */
export type InspectionRuleId =
  'INSPECTION_ACCEPTANCE' | 'INSPECTION_INVESTIGATION' | 'PENALTY_HEARING_REQUEST';

declare module '../calendar/deadline-rules' {
  interface DeadlineRuleIds {
    inspection: InspectionRuleId;
  }
}

export const INSPECTION_DEADLINE_RULES: Readonly<Record<InspectionRuleId, DeadlineRule>> = {
  // Accept a qualifying complaint within 5 working days of receipt (or refuse it in writing).
  INSPECTION_ACCEPTANCE: {
    id: 'INSPECTION_ACCEPTANCE',
    name: { zh: '投诉受理期限', en: 'Complaint acceptance' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: '关于实施《劳动保障监察条例》若干规定 (劳动和社会保障部令第25号, 2004) 第十八条',
  },
  // Investigation within 60 working days of opening the case; +30 working days with the head's approval.
  INSPECTION_INVESTIGATION: {
    id: 'INSPECTION_INVESTIGATION',
    name: { zh: '劳动保障监察调查期限', en: 'Labor-inspection investigation' },
    unit: 'WORKDAY',
    amount: 60,
    maxExtension: 30,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation: '劳动保障监察条例 (国务院令第423号, 2004) 第十七条',
  },
  // The party asks for a hearing within 5 days of being told of the proposed penalty; "五日" there is working days.
  PENALTY_HEARING_REQUEST: {
    id: 'PENALTY_HEARING_REQUEST',
    name: { zh: '要求听证期限', en: 'Request for a penalty hearing' },
    unit: 'WORKDAY',
    amount: 5,
    maxExtension: 0,
    rollForwardToWorkingDay: false,
    direction: 'AFTER',
    citation:
      '中华人民共和国行政处罚法 (2021) 第六十四条第（一）项; 第八十五条 (“五日”指工作日，不含法定节假日)',
    // The employer's to use (当事人要求听证的，应当在行政机关告知后五日内提出), not the brigade's to meet.
    holder: 'PARTY',
  },
};

/** What starts each period, in words people use (GET /api/v1/calendar/rules). */
const START_EVENTS: Readonly<Record<InspectionRuleId, LocalisedText>> = {
  INSPECTION_ACCEPTANCE: { zh: '劳动保障行政部门接到投诉之日', en: 'the complaint is received' },
  INSPECTION_INVESTIGATION: { zh: '立案之日', en: 'the case is opened (立案)' },
  PENALTY_HEARING_REQUEST: {
    zh: '行政机关告知拟作出的行政处罚之日',
    en: 'the party is told of the proposed penalty',
  },
};

export const INSPECTION_RULE_SET: DeadlineRuleSet<InspectionRuleId> = {
  rules: INSPECTION_DEADLINE_RULES,
  startEvents: START_EVENTS,
};

/**
 * Two-year look-back for labor inspection: a violation neither discovered nor reported/complained of within 2 years
 * is no longer investigated; a continuing violation counts from its end. Pass null while it continues.
 * // 劳动保障监察条例 第二十条
 * The limit is the same calendar day two years later (民法典 第二百零二条); no roll-forward: this is a look-back
 * for the administration, not a period for a party to act (see the report on this choice).
 */
export function inspectionLookback(violationEndDate: string | null, receivedOn: string): LimitationResult {
  assertIsoDate(receivedOn, 'receivedOn');
  const basis =
    '劳动保障监察条例 第二十条 (two years from the violation, or from the end of a continuing one)';
  if (violationEndDate !== null) assertIsoDate(violationEndDate, 'violationEndDate');
  return { ...twoYearLookback(violationEndDate, receivedOn), basis, provisional: false };
}
