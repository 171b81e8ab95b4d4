import fc from 'fast-check';
import { INSPECTION_STATUSES, MANUAL_CLOSURES, type InspectionStatus } from './inspection.constants';
import {
  allowedActions,
  closureAllowed,
  INSPECTION_ACTIONS,
  INSPECTION_TRANSITIONS,
  nextStatus,
} from './inspection.state';

/** The expected table, written out independently of the implementation. */
const ONGOING = ['EXTEND', 'RECORD_FINDINGS', 'RECORD_RECOVERY'];
const EXPECTED: Record<string, string> = {
  'RECEIVED/ACCEPT': 'INVESTIGATING',
  'RECEIVED/REFUSE': 'REFUSED',
  'INVESTIGATING/INQUIRY_NOTICE': 'INVESTIGATING',
  'INVESTIGATING/ORDER_RECTIFY': 'RECTIFICATION_ORDERED',
  'INVESTIGATING/NOTICE_PENALTY': 'PENALTY_NOTICED',
  'INVESTIGATING/CLOSE': 'CLOSED',
  'RECTIFICATION_ORDERED/INQUIRY_NOTICE': 'RECTIFICATION_ORDERED',
  'RECTIFICATION_ORDERED/ORDER_RECTIFY': 'RECTIFICATION_ORDERED',
  'RECTIFICATION_ORDERED/RECORD_ORDER_REFUSED': 'RECTIFICATION_ORDERED',
  'RECTIFICATION_ORDERED/NOTICE_PENALTY': 'PENALTY_NOTICED',
  'RECTIFICATION_ORDERED/TRANSFER': 'CLOSED',
  'RECTIFICATION_ORDERED/CLOSE': 'CLOSED',
  'PENALTY_NOTICED/RECORD_ORDER_REFUSED': 'PENALTY_NOTICED',
  'PENALTY_NOTICED/RECORD_RESPONSE': 'PENALTY_NOTICED',
  'PENALTY_NOTICED/DECIDE_PENALTY': 'PENALTY_DECIDED',
  'PENALTY_NOTICED/TRANSFER': 'CLOSED',
  'PENALTY_NOTICED/CLOSE': 'CLOSED',
  'PENALTY_DECIDED/ORDER_RECTIFY': 'PENALTY_DECIDED',
  'PENALTY_DECIDED/RECORD_ORDER_REFUSED': 'PENALTY_DECIDED',
  'PENALTY_DECIDED/TRANSFER': 'CLOSED',
  'PENALTY_DECIDED/CLOSE': 'CLOSED',
};
for (const s of ['INVESTIGATING', 'RECTIFICATION_ORDERED', 'PENALTY_NOTICED', 'PENALTY_DECIDED'])
  for (const a of ONGOING) EXPECTED[`${s}/${a}`] = s;
// 行政处理 after an order (notice, the employer's statement, decision) and a report's reward keep the status (16.9).
const HANDLING = ['NOTICE_HANDLING', 'RECORD_RESPONSE', 'DECIDE_HANDLING'];
for (const s of ['RECTIFICATION_ORDERED', 'PENALTY_NOTICED', 'PENALTY_DECIDED'])
  for (const a of HANDLING) EXPECTED[`${s}/${a}`] = s;
// A substantiated report may be rewarded after the case closed; nothing else moves a closed case.
EXPECTED['CLOSED/REWARD_REPORT'] = 'CLOSED';

const TERMINAL: InspectionStatus[] = ['REFUSED'];

describe('inspection state machine', () => {
  it('decides every (status, action) pair as the table says, and nothing else', () => {
    for (const from of INSPECTION_STATUSES)
      for (const action of INSPECTION_ACTIONS)
        expect([from, action, nextStatus(from, action)]).toEqual([
          from,
          action,
          EXPECTED[`${from}/${action}`] ?? null,
        ]);
  });

  it('has a row for every status naming only known statuses; the terminal states allow nothing but a reward', () => {
    expect(Object.keys(INSPECTION_TRANSITIONS).sort()).toEqual([...INSPECTION_STATUSES].sort());
    for (const row of Object.values(INSPECTION_TRANSITIONS))
      for (const to of Object.values(row)) expect(INSPECTION_STATUSES).toContain(to);
    for (const t of TERMINAL) expect(allowedActions(t)).toEqual([]);
    expect(allowedActions('CLOSED')).toEqual(['REWARD_REPORT']);
    expect(allowedActions('RECEIVED')).toEqual(['ACCEPT', 'REFUSE']);
  });

  it('a transfer needs an order first: never straight from RECEIVED or INVESTIGATING', () => {
    expect(nextStatus('RECEIVED', 'TRANSFER')).toBeNull();
    expect(nextStatus('INVESTIGATING', 'TRANSFER')).toBeNull();
    expect(nextStatus('INVESTIGATING', 'RECORD_ORDER_REFUSED')).toBeNull();
  });

  it('closure types per status: no violation only before an order, penalised only after a decision', () => {
    expect(closureAllowed('INVESTIGATING', 'NO_VIOLATION')).toBe(true);
    expect(closureAllowed('INVESTIGATING', 'RECTIFIED')).toBe(false);
    expect(closureAllowed('RECTIFICATION_ORDERED', 'RECTIFIED')).toBe(true);
    expect(closureAllowed('RECTIFICATION_ORDERED', 'PENALISED')).toBe(false);
    expect(closureAllowed('PENALTY_DECIDED', 'PENALISED')).toBe(true);
    expect(closureAllowed('PENALTY_NOTICED', 'PENALISED')).toBe(false);
    for (const c of MANUAL_CLOSURES) {
      expect(closureAllowed('RECEIVED', c)).toBe(false);
      expect(closureAllowed('CLOSED', c)).toBe(false);
    }
    // Every status that allows CLOSE allows at least one closure type.
    for (const s of INSPECTION_STATUSES)
      if (nextStatus(s, 'CLOSE')) expect(MANUAL_CLOSURES.some((c) => closureAllowed(s, c))).toBe(true);
  });

  it('property: any sequence of actions stays in known statuses and never leaves a terminal one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INSPECTION_ACTIONS), { maxLength: 15 }), (actions) => {
        let status: InspectionStatus = 'RECEIVED';
        let ended = false;
        let decided = false;
        for (const a of actions) {
          const next = nextStatus(status, a);
          expect(next !== null).toBe(allowedActions(status).includes(a));
          if (ended) expect(next).toBeNull();
          if (next === 'PENALTY_DECIDED' && status !== 'PENALTY_DECIDED') {
            // A penalty decision only follows its advance notice (行政处罚法 第四十四条).
            expect(status).toBe('PENALTY_NOTICED');
            decided = true;
          }
          if (next) status = next;
          if (TERMINAL.includes(status)) ended = true;
        }
        if (status === 'PENALTY_DECIDED') expect(decided).toBe(true);
        return INSPECTION_STATUSES.includes(status);
      }),
    );
  });
});
