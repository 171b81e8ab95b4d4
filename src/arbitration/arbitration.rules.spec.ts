import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { CLAIM_TYPES } from './arbitration.constants';
import {
  applicationSource,
  collectiveClaims,
  finalAwardThresholdFen,
  isCollective,
  isFinalClaim,
  minimumWageOn,
  provinceOf,
  statementSigningError,
  tribunalKindOf,
  type MinimumWageRow,
} from './arbitration.rules';

const SHANGHAI: MinimumWageRow[] = [
  { province: '310000', monthlyFen: 269_000, effectiveFrom: '2023-07-01' },
  { province: '310000', monthlyFen: 274_000, effectiveFrom: '2025-07-01' },
  { province: '320000', monthlyFen: 249_000, effectiveFrom: '2025-01-01' },
];

describe('minimum wage in force', () => {
  it('takes the latest row effective on or before the date, per province', () => {
    expect(minimumWageOn(SHANGHAI, '310000', '2023-06-30')).toBeNull();
    expect(minimumWageOn(SHANGHAI, '310000', '2023-07-01')).toBe(269_000);
    expect(minimumWageOn(SHANGHAI, '310000', '2025-06-30')).toBe(269_000);
    expect(minimumWageOn(SHANGHAI, '310000', '2025-07-01')).toBe(274_000);
    expect(minimumWageOn(SHANGHAI, '310000', '2026-11-26')).toBe(274_000);
    expect(minimumWageOn(SHANGHAI, '330000', '2026-11-26')).toBeNull();
    expect(provinceOf('310115005')).toBe('310000');
  });

  it('property: the answer does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(SHANGHAI, { minLength: SHANGHAI.length }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (rows, d) => {
          const date = d.toISOString().slice(0, 10);
          expect(minimumWageOn(rows, '310000', date)).toBe(minimumWageOn(SHANGHAI, '310000', date));
        },
      ),
    );
  });
});

describe('一裁终局 (调解仲裁法 第四十七条), per claim', () => {
  const min = 274_000;
  const threshold = 12 * min; // 3,288,000 fen = 32,880 元

  it('monetary claims are final up to 12 × the monthly minimum wage, inclusive', () => {
    expect(finalAwardThresholdFen(min)).toBe(3_288_000);
    for (const type of [
      'LABOR_REMUNERATION',
      'WORK_INJURY_MEDICAL',
      'ECONOMIC_COMPENSATION',
      'DAMAGES',
    ] as const) {
      expect(isFinalClaim({ type, awardedFen: threshold }, min)).toBe(true);
      expect(isFinalClaim({ type, awardedFen: threshold + 1 }, min)).toBe(false);
      expect(isFinalClaim({ type, awardedFen: 0 }, min)).toBe(true);
    }
  });

  it('working-time, rest, leave and social-insurance standards are always final; OTHER never', () => {
    expect(isFinalClaim({ type: 'STANDARDS', awardedFen: 10 * threshold }, min)).toBe(true);
    expect(isFinalClaim({ type: 'OTHER', awardedFen: 1 }, min)).toBe(false);
  });

  it('property: monotone in the amount — if an amount is final, every smaller one of the same type is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLAIM_TYPES),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 100_000, max: 500_000 }),
        (type, a, b, m) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (isFinalClaim({ type, awardedFen: hi }, m))
            expect(isFinalClaim({ type, awardedFen: lo }, m)).toBe(true);
        },
      ),
    );
  });

  it('a mixed award is decided claim by claim', () => {
    const claims = [
      { type: 'LABOR_REMUNERATION' as const, awardedFen: 1_000_000 },
      { type: 'ECONOMIC_COMPENSATION' as const, awardedFen: 5_000_000 },
      { type: 'STANDARDS' as const, awardedFen: 0 },
    ];
    expect(claims.map((c) => isFinalClaim(c, min))).toEqual([true, false, true]);
  });
});

describe('tribunal: 1 or 3 arbitrators (调解仲裁法 第三十一条)', () => {
  it('collective from 10 workers (调解仲裁法 第七条); a tribunal is 1 or 3 arbitrators', () => {
    expect(isCollective(9)).toBe(false);
    expect(isCollective(10)).toBe(true);
    expect([0, 1, 2, 3, 4].map(tribunalKindOf)).toEqual([null, 'SOLE', null, 'THREE', null]);
  });
});

describe("a collective dispute's application carries every member's claim (调解仲裁法 第七条)", () => {
  const member = (complaintId: string, amountFen: number) => ({
    complaintId,
    category: 'WAGE_ARREARS' as const,
    description: `${complaintId}：拖欠工资`,
    amountFen,
  });
  it("keeps the applicant's claims first and adds each other member once, in order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 20 }), fc.nat(), (ids, pick) => {
        const applicant = ids[pick % ids.length];
        const given = [{ type: 'OTHER' as const, description: '工资', amountFen: 1 }];
        const out = collectiveClaims(
          given,
          applicant,
          ids.map((id, i) => member(id, i)),
        );
        const others = ids.filter((id) => id !== applicant);
        expect(out[0]).toBe(given[0]);
        expect(out.slice(1).map((c) => c.description)).toEqual(others.map((id) => `${id}：拖欠工资`));
        expect(out.slice(1).every((c) => c.type === 'LABOR_REMUNERATION')).toBe(true);
      }),
    );
  });
});

describe('a 调解书 closes the case once both parties signed for it (调解仲裁法 第四十二条)', () => {
  const today = '2026-12-04';
  it('needs the signing day, not after today, not before the acceptance', () => {
    expect(statementSigningError(undefined, '2026-11-01', today)?.constraint).toBe('signedByBoth');
    expect(statementSigningError('2026-12-05', '2026-11-01', today)?.constraint).toBe('notInFuture');
    expect(statementSigningError('2026-10-31', '2026-11-01', today)?.constraint).toBe('notBeforeAcceptance');
    expect(statementSigningError('2026-11-01', '2026-11-01', today)).toBeNull();
    expect(statementSigningError(today, '2026-11-01', today)).toBeNull();
  });

  it('takes exactly the days from the acceptance to today', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -500, max: 100 }),
        (accepted, signed) => {
          const acceptedOn = addDays(today, -accepted);
          const signedOn = addDays(today, signed);
          const ok = signedOn <= today && signedOn >= acceptedOn;
          expect(statementSigningError(signedOn, acceptedOn, today) === null).toBe(ok);
        },
      ),
    );
  });
});

describe('applicationSource: who files what through POST /arbitration/cases', () => {
  const c = (status: string, routeTarget: string | null) => ({ status, routeTarget });
  it('a complaint routed to arbitration is filed as the complaint, by staff or the worker', () => {
    expect(applicationSource(false, c('ROUTED', 'ARBITRATION'))).toBe('COMPLAINT');
    expect(applicationSource(true, c('ROUTED', 'ARBITRATION'))).toBe('COMPLAINT');
  });
  it('the worker applies directly on any other complaint of theirs; staff only for one routed to mediation', () => {
    for (const [status, target] of [
      ['SUBMITTED', null],
      ['ROUTED', 'INSPECTION'],
      ['ROUTED', 'MEDIATION'],
    ] as const)
      expect(applicationSource(true, c(status, target))).toBe('DIRECT');
    expect(applicationSource(false, c('ROUTED', 'MEDIATION'))).toBe('DIRECT');
    expect(applicationSource(false, c('ROUTED', 'INSPECTION'))).toBeNull();
    expect(applicationSource(false, c('ACCEPTED', null))).toBeNull();
  });
});
