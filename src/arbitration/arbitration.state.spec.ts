import fc from 'fast-check';
import { ARBITRATION_STATUSES } from './arbitration.constants';
import {
  allowedActions,
  allowedGiven,
  ARBITRATION_ACTIONS,
  ARBITRATION_GATES,
  ARBITRATION_TRANSITIONS,
  mayPerform,
  nextStatus,
  unmetGate,
  type GateFacts,
} from './arbitration.state';

/** The expected table, written out independently of the implementation. */
const EXPECTED: Record<string, string | null> = {
  'APPLIED/ACCEPT': 'ACCEPTED',
  'APPLIED/REJECT': 'NOT_ACCEPTED',
  // A collective dispute's member leaves the open case (办案规则 第三十五条), whatever its step.
  'APPLIED/REMOVE_MEMBER': 'APPLIED',
  // 补正 (办案规则 第二十九条第四款): asked once; supplied, the application is received again; refused meanwhile.
  'APPLIED/REQUEST_CORRECTION': 'CORRECTION_REQUESTED',
  'CORRECTION_REQUESTED/SUPPLY_CORRECTION': 'APPLIED',
  'CORRECTION_REQUESTED/REJECT': 'NOT_ACCEPTED',
  'CORRECTION_REQUESTED/REMOVE_MEMBER': 'CORRECTION_REQUESTED',
  'ACCEPTED/REMOVE_MEMBER': 'ACCEPTED',
  'TRIBUNAL_FORMED/REMOVE_MEMBER': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/REMOVE_MEMBER': 'HEARING_SCHEDULED',
  'ACCEPTED/FORM_TRIBUNAL': 'TRIBUNAL_FORMED',
  'ACCEPTED/CLOSE': 'CLOSED',
  'TRIBUNAL_FORMED/SCHEDULE_HEARING': 'HEARING_SCHEDULED',
  'TRIBUNAL_FORMED/CLOSE': 'CLOSED',
  'HEARING_SCHEDULED/SCHEDULE_HEARING': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/POSTPONE_HEARING': 'HEARING_SCHEDULED',
  'ACCEPTED/RECORD_SERVICE': 'ACCEPTED',
  'ACCEPTED/RECORD_DEFENCE': 'ACCEPTED',
  'ACCEPTED/RECORD_DEFENCE_SERVICE': 'ACCEPTED',
  'ACCEPTED/ACCEPT_CLAIM_CHANGE': 'ACCEPTED',
  'TRIBUNAL_FORMED/RECORD_SERVICE': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/RECORD_DEFENCE': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/RECORD_DEFENCE_SERVICE': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/ACCEPT_CLAIM_CHANGE': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/RECORD_SERVICE': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/RECORD_DEFENCE': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/RECORD_DEFENCE_SERVICE': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/ACCEPT_CLAIM_CHANGE': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/AWARD': 'CLOSED',
  'HEARING_SCHEDULED/CLOSE': 'CLOSED',
  'HEARING_SCHEDULED/RECORD_HEARING': 'HEARING_SCHEDULED',
  'TRIBUNAL_FORMED/DECIDE_ON_PAPERS': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/AWARD': 'CLOSED',
  // Interim rulings and the service of an award document keep the status (16.6).
  'TRIBUNAL_FORMED/PARTIAL_AWARD': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/PROVISIONAL_EXECUTION': 'TRIBUNAL_FORMED',
  'TRIBUNAL_FORMED/SERVE_AWARD': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/PARTIAL_AWARD': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/PROVISIONAL_EXECUTION': 'HEARING_SCHEDULED',
  'HEARING_SCHEDULED/SERVE_AWARD': 'HEARING_SCHEDULED',
  // A member of the sitting tribunal is replaced (回避 or unable to act, 调解仲裁法 第三十三条), the status kept.
  'TRIBUNAL_FORMED/REPLACE_ARBITRATOR': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/REPLACE_ARBITRATOR': 'HEARING_SCHEDULED',
  // A party's recusal application and the commission's decision on it (第三十三条), the status kept.
  'TRIBUNAL_FORMED/RECORD_RECUSAL_APPLICATION': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/RECORD_RECUSAL_APPLICATION': 'HEARING_SCHEDULED',
  'TRIBUNAL_FORMED/DECIDE_RECUSAL': 'TRIBUNAL_FORMED',
  'HEARING_SCHEDULED/DECIDE_RECUSAL': 'HEARING_SCHEDULED',
  // An award issued without service is served after the case closed; nothing else moves a closed case.
  'CLOSED/SERVE_AWARD': 'CLOSED',
};

describe('arbitration state machine', () => {
  it('decides every (status, action) pair as the table says, and nothing else', () => {
    for (const from of ARBITRATION_STATUSES)
      for (const action of ARBITRATION_ACTIONS)
        expect([from, action, nextStatus(from, action)]).toEqual([
          from,
          action,
          EXPECTED[`${from}/${action}`] ?? null,
        ]);
  });

  it('has a row for every status naming only known statuses; the terminal states allow nothing but serving an award', () => {
    expect(Object.keys(ARBITRATION_TRANSITIONS).sort()).toEqual([...ARBITRATION_STATUSES].sort());
    for (const row of Object.values(ARBITRATION_TRANSITIONS))
      for (const to of Object.values(row)) expect(ARBITRATION_STATUSES).toContain(to);
    expect(allowedActions('CLOSED')).toEqual(['SERVE_AWARD']);
    expect(allowedActions('NOT_ACCEPTED')).toEqual([]);
    expect(allowedActions('APPLIED')).toEqual(['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'REMOVE_MEMBER']);
    expect(allowedActions('CORRECTION_REQUESTED')).toEqual(['REJECT', 'SUPPLY_CORRECTION', 'REMOVE_MEMBER']);
  });

  it('property: any sequence of actions from APPLIED ends in a reachable status, never leaves a terminal one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ARBITRATION_ACTIONS), { maxLength: 12 }), (actions) => {
        let status: (typeof ARBITRATION_STATUSES)[number] = 'APPLIED';
        let closed = false;
        for (const a of actions) {
          const next = nextStatus(status, a);
          expect(next !== null).toBe(allowedActions(status).includes(a));
          if (closed) expect(next === null || (a === 'SERVE_AWARD' && next === 'CLOSED')).toBe(true);
          if (next) status = next;
          if (status === 'CLOSED' || status === 'NOT_ACCEPTED') closed = true;
        }
        // An award needs a hearing, a hearing needs a tribunal, a tribunal needs acceptance.
        return ARBITRATION_STATUSES.includes(status);
      }),
    );
  });
});

describe('arbitration gates (award, 调解书)', () => {
  const facts = (f: Partial<GateFacts>): GateFacts => ({
    hearingHeld: false,
    decidedOnPapers: false,
    defenceDone: false,
    ...f,
  });

  it('refuses an award before a hearing took place, then before the defence period is over', () => {
    expect(unmetGate('AWARD', facts({ defenceDone: true }))?.code).toBe('HEARING_NOT_HELD');
    expect(unmetGate('AWARD', facts({ hearingHeld: true }))?.code).toBe('DEFENCE_PERIOD_RUNNING');
    expect(unmetGate('AWARD', facts({ hearingHeld: true, defenceDone: true }))).toBeNull();
    expect(unmetGate('CLOSE_MEDIATED', facts({ decidedOnPapers: true, defenceDone: true }))).toBeNull();
  });

  it('each gate cites its rule and names actions that exist', () => {
    for (const gates of Object.values(ARBITRATION_GATES))
      for (const g of gates) {
        expect(g.citation).toMatch(/第.+条/);
        for (const r of g.remedies) expect(ARBITRATION_ACTIONS).toContain(r);
      }
  });

  it('the actions offered in a 409 leave out an award its gates refuse (audit: HEARING_NOT_YET_HELD offered AWARD)', () => {
    expect(allowedGiven('HEARING_SCHEDULED', facts({}))).not.toContain('AWARD');
    expect(allowedGiven('HEARING_SCHEDULED', facts({ hearingHeld: true, defenceDone: true }))).toContain(
      'AWARD',
    );
    expect(allowedGiven('TRIBUNAL_FORMED', facts({ decidedOnPapers: true }))).not.toContain('AWARD');
  });

  it('property: what is offered is what the status allows, less exactly the gated acts whose gates fail', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ARBITRATION_STATUSES),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (status, hearingHeld, decidedOnPapers, defenceDone) => {
          const f = { hearingHeld, decidedOnPapers, defenceDone };
          const offered = allowedGiven(status, f);
          for (const a of allowedActions(status))
            expect(offered.includes(a)).toBe(a !== 'AWARD' || unmetGate('AWARD', f) === null);
          for (const a of offered) expect(allowedActions(status)).toContain(a);
        },
      ),
    );
  });

  it('property: the gates pass exactly when (held or on papers) and the defence is done', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (hearingHeld, decidedOnPapers, defenceDone) => {
        const f = { hearingHeld, decidedOnPapers, defenceDone };
        for (const a of ['AWARD', 'CLOSE_MEDIATED'] as const)
          expect(unmetGate(a, f) === null).toBe((hearingHeld || decidedOnPapers) && defenceDone);
      }),
    );
  });
});

describe('who performs an act (调解仲裁法 第三十一条, 第四十二至四十五条)', () => {
  const TRIBUNAL = ['RECORD_HEARING', 'DECIDE_ON_PAPERS', 'PARTIAL_AWARD', 'PROVISIONAL_EXECUTION', 'AWARD'];
  const roles = fc.constantFrom('ARBITRATOR', 'SUPERVISOR', 'MEDIATOR', 'INSPECTOR', 'ADMIN');
  it('the tribunal’s acts: only an arbitrator sitting on it; the commission’s: anyone the route lets in', () => {
    fc.assert(
      fc.property(
        roles,
        fc.constantFrom(...ARBITRATION_ACTIONS),
        fc.uniqueArray(fc.constantFrom('u1', 'u2', 'u3'), { maxLength: 3 }),
        (role, action, tribunal) => {
          const who = { role, userId: 'u1' };
          const expected = !TRIBUNAL.includes(action) || (role === 'ARBITRATOR' && tribunal.includes('u1'));
          expect(mayPerform(who, action, tribunal)).toBe(expected);
        },
      ),
    );
  });
});
