import { COMPLAINT_STATUSES } from './complaint.constants';
import {
  canTransition,
  COMPLAINT_TRANSITIONS,
  REJECTION_OUTCOMES,
  REJECTION_REASONS,
  rejectionMessage,
  type RejectionReason,
  twoYearLookback,
} from './complaint.state';

describe('complaint intake state machine', () => {
  it('decides every (from, to) pair: SUBMITTED → ACCEPTED | REJECTED | CORRECTION_REQUESTED, CORRECTION_REQUESTED → SUBMITTED, ACCEPTED → ROUTED, ROUTED → ROUTED (re-route), withdrawal before the end, nothing else', () => {
    for (const from of COMPLAINT_STATUSES)
      for (const to of COMPLAINT_STATUSES)
        expect([from, to, canTransition(from, to)]).toEqual([
          from,
          to,
          (from === 'SUBMITTED' &&
            (to === 'ACCEPTED' || to === 'REJECTED' || to === 'CORRECTION_REQUESTED')) ||
            (from === 'CORRECTION_REQUESTED' && to === 'SUBMITTED') ||
            ((from === 'ACCEPTED' || from === 'ROUTED') && to === 'ROUTED') ||
            (to === 'WITHDRAWN' &&
              ['SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'ROUTED'].includes(from)),
        ]);
  });

  it('lists a transition table row for every status, naming only known statuses', () => {
    expect(Object.keys(COMPLAINT_TRANSITIONS).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    for (const targets of Object.values(COMPLAINT_TRANSITIONS))
      for (const t of targets) expect(COMPLAINT_STATUSES).toContain(t);
  });

  it('gives every rejection reason a written text', () => {
    for (const text of Object.values(REJECTION_REASONS)) expect(text.length).toBeGreaterThan(2);
  });

  it('a missing employer is not a reason to refuse (若干规定 第十八条第三款: 补正)', () => {
    expect(Object.keys(REJECTION_REASONS)).not.toContain('NO_IDENTIFIED_EMPLOYER');
  });

  it('only a violation older than two years is a written refusal; the others are notices', () => {
    const refusals = (Object.keys(REJECTION_OUTCOMES) as RejectionReason[]).filter(
      (r) => REJECTION_OUTCOMES[r].outcome === 'REFUSAL',
    );
    expect(refusals).toEqual(['OVER_LOOKBACK']);
    expect(rejectionMessage('OVER_LOOKBACK', {})).toMatchObject({
      ok: true,
      outcome: 'REFUSAL',
      template: 'COMPLAINT_REJECTED',
      legalBasis: expect.stringContaining('第十八条第一款第（一）项'),
    });
    expect(rejectionMessage('IN_ARBITRATION_OR_COURT', {})).toMatchObject({
      ok: true,
      outcome: 'NOTICE',
      legalBasis: '劳动保障监察条例 第二十一条第二款',
    });
  });

  it('out of jurisdiction must say where to go; OTHER needs a legal basis', () => {
    expect(rejectionMessage('OUT_OF_JURISDICTION', {})).toMatchObject({
      ok: false,
      errors: [
        { field: 'referTo', constraint: 'isDefined', message: expect.stringContaining('第十八条第四款') },
      ],
    });
    expect(
      rejectionMessage('OUT_OF_JURISDICTION', { referTo: '上海市闵行区人力资源和社会保障局' }),
    ).toMatchObject({
      ok: true,
      outcome: 'NOTICE',
      referTo: '上海市闵行区人力资源和社会保障局',
      template: 'COMPLAINT_NOT_ACCEPTED_NOTICE',
    });
    expect(rejectionMessage('OTHER', {})).toMatchObject({ ok: false, errors: [{ field: 'legalBasis' }] });
    expect(rejectionMessage('OTHER', { legalBasis: '信访条例' })).toMatchObject({
      ok: true,
      legalBasis: '信访条例',
    });
  });
});

describe('twoYearLookback (劳动保障监察条例 第二十条)', () => {
  it('within two years of the violation’s end, the last day included; a continuing one always', () => {
    expect(twoYearLookback(null, '2026-12-06')).toEqual({ withinLimit: true, limitDate: null });
    expect(twoYearLookback('2024-12-06', '2026-12-06')).toEqual({
      withinLimit: true,
      limitDate: '2026-12-06',
    });
    expect(twoYearLookback('2024-12-05', '2026-12-06')).toEqual({
      withinLimit: false,
      limitDate: '2026-12-05',
    });
    expect(twoYearLookback('2024-02-29', '2026-03-01')).toEqual({
      withinLimit: false,
      limitDate: '2026-02-28',
    });
  });
});
