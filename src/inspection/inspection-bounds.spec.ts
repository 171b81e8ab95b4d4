import { AppException } from '../common/errors/app-exception';
import {
  assertFindingsCoverRecovered,
  assertPenaltyNoticeTimely,
  penaltyNeedsLapsedOrder,
  recoveryExcess,
} from './inspection-bounds';

const code = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as AppException).code;
  }
};

describe('inspection bounds', () => {
  const found = {
    arrearsFen: 30_000_000,
    workersAffected: 12,
    recoveredFen: 20_000_000,
    recoveredWorkers: 12,
  };

  it('a recovery stays within the arrears found and the workers affected', () => {
    expect(recoveryExcess(found, { amountFen: 10_000_000, workersCovered: 0 })).toBeNull();
    expect(recoveryExcess(found, { amountFen: 10_000_001, workersCovered: 0 })).toMatchObject({
      remainingFen: 10_000_000,
      remainingWorkers: 0,
    });
    expect(recoveryExcess(found, { amountFen: 1, workersCovered: 1 })).toMatchObject({ remainingWorkers: 0 });
    // Nothing found yet: nothing can be recovered.
    const none = { arrearsFen: 0, workersAffected: 0, recoveredFen: 0, recoveredWorkers: 0 };
    expect(recoveryExcess(none, { amountFen: 1, workersCovered: 0 })).toMatchObject({ remainingFen: 0 });
  });

  it('findings are not amended below what was recovered', () => {
    expect(
      code(() => assertFindingsCoverRecovered(found, { arrearsFen: 20_000_000, workersAffected: 12 })),
    ).toBeNull();
    expect(
      code(() => assertFindingsCoverRecovered(found, { arrearsFen: 19_999_999, workersAffected: 12 })),
    ).toBe('FINDINGS_BELOW_RECOVERED');
    expect(
      code(() => assertFindingsCoverRecovered(found, { arrearsFen: 30_000_000, workersAffected: 11 })),
    ).toBe('FINDINGS_BELOW_RECOVERED');
  });

  it('only the fine for an order not complied with (第三十条第一款第（三）项) waits for the deadline', () => {
    const lapsed = { basis: '《劳动保障监察条例》第三十条第一款第（三）项', violations: '拖欠工资' };
    const atOnce = { basis: '《劳动保障监察条例》第二十五条', violations: '违法延长劳动者工作时间' };
    expect(penaltyNeedsLapsedOrder(lapsed)).toBe(true);
    expect(penaltyNeedsLapsedOrder({ basis: '第三十条第（三）项', violations: 'x' })).toBe(true);
    expect(penaltyNeedsLapsedOrder({ basis: '第三十条', violations: '经责令改正拒不改正' })).toBe(true);
    expect(penaltyNeedsLapsedOrder(atOnce)).toBe(false);
    expect(penaltyNeedsLapsedOrder({ basis: '第三十条第一款第（一）项', violations: '阻挠监察' })).toBe(
      false,
    );
    const order = { issuedOn: '2026-12-01' };
    expect(code(() => assertPenaltyNoticeTimely(atOnce, order, '2026-12-10', '2026-12-02'))).toBeNull();
    expect(code(() => assertPenaltyNoticeTimely(lapsed, null, null, '2026-12-02'))).toBe(
      'NO_ORDER_TO_REFUSE',
    );
    expect(code(() => assertPenaltyNoticeTimely(lapsed, order, '2026-12-10', '2026-12-10'))).toBe(
      'PENALTY_BEFORE_COMPLIANCE_DUE',
    );
    expect(code(() => assertPenaltyNoticeTimely(lapsed, order, '2026-12-10', '2026-12-11'))).toBeNull();
  });
});
