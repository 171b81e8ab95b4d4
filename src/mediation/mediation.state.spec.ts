import fc from 'fast-check';
import { AppException } from '../common/errors/app-exception';
import {
  AGREEMENT_ACTIONS,
  AGREEMENT_STATUSES,
  agreementErrors,
  lastInstalmentDueOn,
  directApplicationStep,
  escalationReason,
  MEDIATION_ACTIONS,
  MEDIATION_STATUSES,
  nextAgreementStatus,
  nextMediationStatus,
  type AgreementAction,
  type AgreementStatus,
  type MediationAction,
  type MediationStatus,
  unpaidClaims,
} from './mediation.state';

function outcome<T>(f: () => T): T | { code: string; status: number; details: unknown } {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof AppException)) throw err;
    return { code: err.code, status: err.statusCode, details: err.details };
  }
}

describe('mediation case state machine', () => {
  const expected: Record<MediationStatus, Partial<Record<MediationAction, MediationStatus>>> = {
    OPEN: {
      SCHEDULE_SESSION: 'OPEN',
      EXTEND_PERIOD: 'OPEN',
      AGREE: 'AGREEMENT',
      FAIL: 'FAILED',
      WITHDRAW: 'WITHDRAWN',
      EXPIRE: 'EXPIRED',
      ASSIGN_MEDIATOR: 'OPEN',
      REMOVE_MEMBER: 'OPEN',
    },
    AGREEMENT: {},
    FAILED: {},
    WITHDRAWN: {},
    EXPIRED: {},
  };

  it('decides every (status, action) pair; an illegal one is 409 ILLEGAL_TRANSITION with the allowed actions', () => {
    for (const status of MEDIATION_STATUSES)
      for (const action of MEDIATION_ACTIONS) {
        const to = expected[status][action];
        expect([status, action, outcome(() => nextMediationStatus(status, action))]).toEqual([
          status,
          action,
          to ?? {
            code: 'ILLEGAL_TRANSITION',
            status: 409,
            details: { status, action, allowed: Object.keys(expected[status]) },
          },
        ]);
      }
  });

  it('only an open case moves: every closed status is final', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEDIATION_STATUSES.filter((s) => s !== 'OPEN')),
        fc.constantFrom(...MEDIATION_ACTIONS),
        (s, a) => {
          expect(() => nextMediationStatus(s, a)).toThrow(AppException);
        },
      ),
    );
  });
});

describe('mediation agreement state machine', () => {
  const expected: Record<AgreementStatus, Partial<Record<AgreementAction, AgreementStatus>>> = {
    PERFORMING: { PAY: 'PERFORMING', PAY_LAST: 'PERFORMED', DEFAULT: 'DEFAULTED' },
    DEFAULTED: { PAY: 'DEFAULTED', PAY_LAST: 'PERFORMED' },
    PERFORMED: {},
  };

  it('decides every (status, action) pair', () => {
    for (const status of AGREEMENT_STATUSES)
      for (const action of AGREEMENT_ACTIONS) {
        const to = expected[status][action];
        expect([status, action, outcome(() => nextAgreementStatus(status, action))]).toEqual([
          status,
          action,
          to ?? {
            code: 'ILLEGAL_TRANSITION',
            status: 409,
            details: { status, action, allowed: Object.keys(expected[status]) },
          },
        ]);
      }
  });

  it('any sequence of payments ending with the last one performs the agreement', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<AgreementAction>('PAY', 'DEFAULT'), { maxLength: 10 }),
        (actions) => {
          let s: AgreementStatus = 'PERFORMING';
          for (const a of actions) if (a === 'PAY' || s === 'PERFORMING') s = nextAgreementStatus(s, a);
          expect(nextAgreementStatus(s, 'PAY_LAST')).toBe('PERFORMED');
        },
      ),
    );
  });
});

describe('escalationReason', () => {
  it('is FAILED, EXPIRED or DEFAULTED, and null for open, withdrawn, performing and performed', () => {
    for (const status of MEDIATION_STATUSES)
      for (const agreement of [null, ...AGREEMENT_STATUSES]) {
        const want =
          status === 'FAILED'
            ? 'FAILED'
            : status === 'EXPIRED'
              ? 'EXPIRED'
              : status === 'AGREEMENT' && agreement === 'DEFAULTED'
                ? 'DEFAULTED'
                : null;
        expect([status, agreement, escalationReason(status, agreement)]).toEqual([status, agreement, want]);
      }
  });
});

describe('agreementErrors', () => {
  const today = '2026-11-26';
  it('accepts instalments that add up to the claims and are not due before today', () => {
    expect(
      agreementErrors(
        {
          claims: [
            { description: '工资', amountFen: 1_000_000 },
            { description: '经济补偿', amountFen: 250_000 },
          ],
          instalments: [
            { dueOn: today, amountFen: 600_000 },
            { dueOn: '2026-12-26', amountFen: 650_000 },
          ],
        },
        today,
      ),
    ).toEqual([]);
  });

  it('lists each bad field: sums that differ, negative or fractional fen, a due date before today', () => {
    expect(
      agreementErrors(
        { claims: [{ description: 'a', amountFen: 100 }], instalments: [{ dueOn: today, amountFen: 99 }] },
        today,
      ),
    ).toMatchObject([{ field: 'agreement.instalments', message: expect.stringContaining('99') }]);
    expect(
      agreementErrors(
        {
          claims: [{ description: 'a', amountFen: 1.5 }],
          instalments: [{ dueOn: '2026-11-25', amountFen: -1 }],
        },
        today,
      ).map((e) => [e.field, e.message.startsWith(`${e.field} `)]),
    ).toEqual([
      // The dotted path of every other field error (the validation pipe's `agreement.instalments.0.dueOn`), and a
      // message that names its field, as the pipe's do.
      ['agreement.claims.0.amountFen', true],
      ['agreement.instalments.0.amountFen', true],
      ['agreement.instalments.0.dueOn', true],
    ]);
  });

  it('refuses an instalment due more than a year after signing, on its dotted path (调解仲裁法 第二十七条)', () => {
    const two = (dueOn: string) =>
      agreementErrors(
        {
          claims: [{ description: '工资', amountFen: 1_600_000 }],
          instalments: [
            { dueOn: today, amountFen: 800_000 },
            { dueOn, amountFen: 800_000 },
          ],
        },
        today,
      );
    expect(two(lastInstalmentDueOn(today))).toEqual([]);
    expect(lastInstalmentDueOn(today)).toBe('2027-11-26');
    expect(lastInstalmentDueOn('2028-02-29')).toBe('2029-02-28');
    for (const late of ['2027-11-27', '2099-12-20'])
      expect(two(late)).toEqual([
        expect.objectContaining({
          field: 'agreement.instalments.1.dueOn',
          constraint: 'withinOneYear',
          message: 'agreement.instalments.1.dueOn must not be after 2027-11-26 (one year from signing)',
          lastDueOn: '2027-11-26',
        }),
      ]);
  });

  it('never accepts instalments whose sum differs from the claims (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 5 }),
        (claims, instalments) => {
          const errors = agreementErrors(
            {
              claims: claims.map((amountFen) => ({ description: 'x', amountFen })),
              instalments: instalments.map((amountFen) => ({ dueOn: today, amountFen })),
            },
            today,
          );
          const same = claims.reduce((a, b) => a + b, 0) === instalments.reduce((a, b) => a + b, 0);
          expect(errors.length === 0).toBe(same);
        },
      ),
    );
  });
});

describe('unpaidClaims (a defaulted agreement into arbitration)', () => {
  const claims = fc
    .array(fc.nat({ max: 5_000_000 }), { maxLength: 6 })
    .map((xs) => xs.map((amountFen, i) => ({ description: `c${i}`, amountFen })));
  it('carries exactly what is still owed, in order, never a claim paid in full, every non-monetary one', () => {
    fc.assert(
      fc.property(claims, fc.nat({ max: 40_000_000 }), (cs, paid) => {
        const total = cs.reduce((s, c) => s + c.amountFen, 0);
        const out = unpaidClaims(cs, paid);
        expect(out.reduce((s, c) => s + c.amountFen, 0)).toBe(Math.max(0, total - paid));
        expect(
          out.every(
            (c) => c.amountFen > 0 || cs.find((x) => x.description === c.description)!.amountFen === 0,
          ),
        ).toBe(true);
        expect(
          out.filter((c) => cs.find((x) => x.description === c.description)!.amountFen === 0),
        ).toHaveLength(cs.filter((c) => c.amountFen === 0).length);
        // The claims left are a suffix of the monetary ones in their order: earlier ones are settled first.
        const money = cs.filter((c) => c.amountFen > 0).map((c) => c.description);
        const left = out.filter((c) => c.amountFen > 0).map((c) => c.description);
        expect(money.slice(money.length - left.length)).toEqual(left);
      }),
    );
  });
  it('an example: 6,000 元 paid of 10,000 + 2,500 leaves 4,000 + 2,500', () => {
    expect(
      unpaidClaims(
        [
          { description: '拖欠工资', amountFen: 1_000_000 },
          { description: '经济补偿', amountFen: 250_000 },
        ],
        600_000,
      ),
    ).toEqual([
      { description: '拖欠工资', amountFen: 400_000 },
      { description: '经济补偿', amountFen: 250_000 },
    ]);
  });
});

describe('directApplicationStep: a direct arbitration application and the dispute’s mediation', () => {
  it('ends an open mediation, refuses beside an unperformed agreement, else leaves the case alone', () => {
    expect(directApplicationStep(null, null)).toBe('PROCEED');
    expect(directApplicationStep('OPEN', null)).toBe('WITHDRAW_MEDIATION');
    expect(directApplicationStep('AGREEMENT', 'PERFORMING')).toBe('AGREEMENT_IN_FORCE');
    expect(directApplicationStep('AGREEMENT', 'DEFAULTED')).toBe('AGREEMENT_IN_FORCE');
    expect(directApplicationStep('AGREEMENT', 'PERFORMED')).toBe('PROCEED');
    for (const s of ['FAILED', 'EXPIRED', 'WITHDRAWN'] as const)
      expect(directApplicationStep(s, null)).toBe('PROCEED');
  });
  it('never lets the application run beside a mediation that could still be escalated or is open', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEDIATION_STATUSES),
        fc.constantFrom(null, ...AGREEMENT_STATUSES),
        (s, a) => {
          const step = directApplicationStep(s, a);
          // A defaulted agreement is escalated (its unpaid claims), never applied for beside it.
          if (escalationReason(s, a) === 'DEFAULTED') expect(step).toBe('AGREEMENT_IN_FORCE');
          if (s === 'OPEN') expect(step).toBe('WITHDRAW_MEDIATION');
        },
      ),
    );
  });
});
