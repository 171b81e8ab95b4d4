import { DeadlineRuleCatalogue } from './calendar/deadline-catalogue';
import type { DeadlineRuleSet } from './calendar/deadline-rules';
import { DEADLINE_RULE_CATALOGUE, DEADLINE_RULE_SETS, DEADLINE_RULES } from './deadline-rules';

describe('DEADLINE_RULES', () => {
  it('holds the statutory numbers', () => {
    const summary = Object.values(DEADLINE_RULES).map((r) => [
      r.id,
      r.unit,
      r.amount,
      r.maxExtension,
      r.direction,
    ]);
    expect(summary).toEqual([
      ['MEDIATION', 'DAY', 15, 15, 'AFTER'],
      ['ARBITRATION_ACCEPTANCE', 'WORKDAY', 5, 0, 'AFTER'],
      ['ARBITRATION_CORRECTION', 'WORKDAY', 10, 0, 'AFTER'],
      ['ARBITRATION_SERVICE_TO_RESPONDENT', 'WORKDAY', 5, 0, 'AFTER'],
      ['ARBITRATION_DEFENCE', 'WORKDAY', 10, 0, 'AFTER'],
      ['ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT', 'WORKDAY', 5, 0, 'AFTER'],
      ['ARBITRATION_TRIBUNAL_NOTICE', 'WORKDAY', 5, 0, 'AFTER'],
      ['ARBITRATION_HEARING_NOTICE', 'WORKDAY', 5, 0, 'BEFORE'],
      ['ARBITRATION_POSTPONEMENT_REQUEST', 'WORKDAY', 3, 0, 'BEFORE'],
      ['ARBITRATION_RECUSAL_DECISION', 'WORKDAY', 3, 0, 'AFTER'],
      ['ARBITRATION_DECISION', 'DAY', 45, 15, 'AFTER'],
      ['INSPECTION_ACCEPTANCE', 'WORKDAY', 5, 0, 'AFTER'],
      ['INSPECTION_INVESTIGATION', 'WORKDAY', 60, 30, 'AFTER'],
      ['PENALTY_HEARING_REQUEST', 'WORKDAY', 5, 0, 'AFTER'],
      ['COMPLAINT_CORRECTION', 'WORKDAY', 10, 0, 'AFTER'],
      ['COMPLAINT_TAKE_UP', 'WORKDAY', 5, 0, 'AFTER'],
      ['ARBITRATION_SUIT_WINDOW', 'DAY', 15, 0, 'AFTER'],
      ['ARBITRATION_SET_ASIDE_WINDOW', 'DAY', 30, 0, 'AFTER'],
    ]);
  });

  it('the windows to sue and to set an award aside, the respondent’s answer period, the requests to postpone a hearing and for a penalty hearing and the complainant’s 补正 are the parties’, every other rule a staff duty', () => {
    expect(
      Object.values(DEADLINE_RULES)
        .filter((r) => !DEADLINE_RULE_CATALOGUE.isStaffDuty(r.id))
        .map((r) => r.id),
    ).toEqual([
      // 办案规则 第二十九条第四款: the applicant completes the application (a platform period).
      'ARBITRATION_CORRECTION',
      'ARBITRATION_DEFENCE',
      // 调解仲裁法 第三十五条第二款: a party asks to postpone; 行政处罚法 第六十四条: the employer asks for a hearing.
      'ARBITRATION_POSTPONEMENT_REQUEST',
      'PENALTY_HEARING_REQUEST',
      'COMPLAINT_CORRECTION',
      'ARBITRATION_SUIT_WINDOW',
      'ARBITRATION_SET_ASIDE_WINDOW',
    ]);
  });

  it('a case’s end stops its clocks: a staff duty plainly (or with the reason given), a party’s window in it as CASE_CLOSED; the windows the award opens run on', () => {
    const stop = (id: string, reason?: 'WITHDRAWN') =>
      DEADLINE_RULE_CATALOGUE.closingStop(id, '2026-12-08', reason);
    expect(stop('ARBITRATION_DECISION')).toEqual({ type: 'STOP', date: '2026-12-08' });
    expect(stop('INSPECTION_ACCEPTANCE', 'WITHDRAWN')).toEqual({
      type: 'STOP',
      date: '2026-12-08',
      reason: 'WITHDRAWN',
    });
    expect(stop('ARBITRATION_DEFENCE')).toEqual({ type: 'STOP', date: '2026-12-08', reason: 'CASE_CLOSED' });
    expect(stop('COMPLAINT_CORRECTION', 'WITHDRAWN')).toMatchObject({ reason: 'WITHDRAWN' });
    expect(stop('ARBITRATION_SUIT_WINDOW')).toBeNull();
    expect(stop('ARBITRATION_SET_ASIDE_WINDOW', 'WITHDRAWN')).toBeNull();
  });

  it('keys each rule by its id, names it in Chinese and English and cites its source', () => {
    for (const [key, rule] of Object.entries(DEADLINE_RULES)) {
      expect(rule.id).toBe(key);
      expect(rule.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.name.en).toMatch(/^[A-Z]/);
      expect(rule.citation).toMatch(/第.+条/);
      // Calendar-day periods forward roll to a working day; working-day periods end on one anyway.
      expect(rule.rollForwardToWorkingDay).toBe(rule.unit === 'DAY' && rule.direction === 'AFTER');
    }
    expect(DEADLINE_RULES.ARBITRATION_DECISION.citation).toContain('第四十三条');
    expect(DEADLINE_RULES.INSPECTION_INVESTIGATION.citation).toContain('劳动保障监察条例');
  });
});

describe('the assembled table (each proceeding contributes its rules)', () => {
  const contributed = Object.entries(DEADLINE_RULE_SETS).flatMap(([table, set]) =>
    Object.keys(set.rules).map((id) => ({ table, id })),
  );

  it('holds every rule of every proceeding exactly once, in the order of the sets', () => {
    const ids = contributed.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(DEADLINE_RULES)).toEqual(ids);
    expect(DEADLINE_RULE_CATALOGUE.ids()).toEqual(ids);
    expect(ids).toHaveLength(18);
    // Each proceeding's ids carry its name (the parties' windows are arbitration's).
    expect(contributed.filter((c) => c.table === 'mediation').map((c) => c.id)).toEqual(['MEDIATION']);
    expect(contributed.filter((c) => c.table === 'complaints').map((c) => c.id)).toEqual([
      'COMPLAINT_CORRECTION',
      'COMPLAINT_TAKE_UP',
    ]);
    for (const c of contributed.filter((x) => x.table.startsWith('arbitration')))
      expect(c.id).toMatch(/^ARBITRATION_/);
  });

  it('the catalogue (GET /api/v1/calendar/rules) lists every rule with its start event and basis', () => {
    const entries = DEADLINE_RULE_CATALOGUE.entries();
    expect(entries.map((e) => e.id)).toEqual(Object.keys(DEADLINE_RULES));
    for (const e of entries) {
      const rule = DEADLINE_RULES[e.id];
      expect(e).toEqual({
        id: rule.id,
        name: rule.name,
        amount: rule.amount,
        unit: rule.unit,
        maxExtension: rule.maxExtension,
        direction: rule.direction,
        startEvent: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/^the /) },
        basis: rule.citation,
      });
    }
    expect(entries.find((e) => e.id === 'MEDIATION')?.startEvent).toEqual({
      zh: '调解组织收到调解申请之日',
      en: 'the mediation application is received',
    });
  });

  it('knows its rules: lookup, unknown ids, staff duties', () => {
    expect(DEADLINE_RULE_CATALOGUE.rule('ARBITRATION_DECISION')).toBe(DEADLINE_RULES.ARBITRATION_DECISION);
    expect(() => DEADLINE_RULE_CATALOGUE.rule('NO_SUCH_RULE')).toThrow('unknown deadline rule NO_SUCH_RULE');
    expect(DEADLINE_RULE_CATALOGUE.has('COMPLAINT_CORRECTION')).toBe(true);
    expect(DEADLINE_RULE_CATALOGUE.has('AD_HOC')).toBe(false);
    expect(DEADLINE_RULE_CATALOGUE.has('toString')).toBe(false);
    expect(DEADLINE_RULE_CATALOGUE.isStaffDuty('NO_SUCH_RULE')).toBe(true);
  });

  it('a rule contributed twice, keyed by another id or without its start event is a start-up error', () => {
    const { mediation } = DEADLINE_RULE_SETS;
    expect(() => new DeadlineRuleCatalogue({ a: mediation, b: mediation })).toThrow(
      'deadline rule MEDIATION is declared twice (again by b)',
    );
    const rule = mediation.rules.MEDIATION;
    const startEvents = mediation.startEvents as Readonly<Record<string, { zh: string; en: string }>>;
    const set = (s: DeadlineRuleSet<string>) => new DeadlineRuleCatalogue({ x: s });
    expect(() => set({ rules: { OTHER: rule }, startEvents: { OTHER: startEvents.MEDIATION } })).toThrow(
      'deadline rule OTHER of x has the id MEDIATION',
    );
    expect(() => set({ rules: { MEDIATION: rule }, startEvents: {} })).toThrow(
      'deadline rule MEDIATION of x has no start event',
    );
    expect(() =>
      set({ rules: { MEDIATION: rule }, startEvents: { ...startEvents, STRAY: startEvents.MEDIATION } }),
    ).toThrow('start event of STRAY in x, which has no such rule');
  });
});
