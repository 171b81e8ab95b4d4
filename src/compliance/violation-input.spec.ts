import { addDays, todayInShanghai } from '../calendar/local-date';
import { violationInputErrors, type RecordViolationInput } from './compliance.service';

describe('violationInputErrors (what the inspection module may pass to recordViolation)', () => {
  const ok: RecordViolationInput = {
    employerId: '0193a000-0000-7000-8000-000000000001',
    jurisdictionCode: '310115005',
    sourceType: 'INSPECTION',
    sourceId: '0193a000-0000-7000-8000-000000000002',
    foundOn: todayInShanghai(),
    kinds: ['WAGE_ARREARS'],
    arrearsFen: 0,
  };

  it('accepts a complete finding', () => {
    expect(violationInputErrors(ok)).toEqual([]);
  });

  it('names each bad field', () => {
    const errors = violationInputErrors({
      ...ok,
      jurisdictionCode: '31',
      foundOn: addDays(todayInShanghai(), 1),
      kinds: ['NOT_A_KIND' as 'OTHER'],
      arrearsFen: -1,
      workersAffected: 1.5,
    });
    expect(errors.map((e) => e.field)).toEqual([
      'jurisdictionCode',
      'foundOn',
      'kinds',
      'arrearsFen',
      'workersAffected',
    ]);
    expect(violationInputErrors({ ...ok, foundOn: '2026-02-30', kinds: [] }).map((e) => e.field)).toEqual([
      'foundOn',
      'kinds',
    ]);
  });
});
