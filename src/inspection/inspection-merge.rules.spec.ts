import fc from 'fast-check';
import { INSPECTION_STATUSES, OPEN_STATUSES } from './inspection.constants';
import { mergeRefusal } from './inspection-merge.rules';

describe('mergeRefusal (并案: the surviving case)', () => {
  const source = { id: 'a', employerId: 'e1', organisationId: 'o1', status: 'INVESTIGATING' as const };
  const target = { ...source, id: 'b', status: 'RECTIFICATION_ORDERED' as const };

  it('an open case of the same employer and brigade takes it', () => {
    for (const status of OPEN_STATUSES) expect(mergeRefusal(source, { ...target, status })).toBeNull();
  });

  it('refuses a closed, refused or not yet 立案 case, another employer, no employer, another brigade', () => {
    for (const status of ['RECEIVED', 'REFUSED', 'CLOSED'] as const)
      expect(mergeRefusal(source, { ...target, status })).toBe('MERGE_TARGET_NOT_OPEN');
    expect(mergeRefusal(source, { ...target, employerId: 'e2' })).toBe('MERGE_TARGET_OTHER_EMPLOYER');
    expect(mergeRefusal({ ...source, employerId: null }, { ...target, employerId: null })).toBe(
      'MERGE_TARGET_OTHER_EMPLOYER',
    );
    expect(mergeRefusal(source, { ...target, organisationId: 'o2' })).toBe('MERGE_TARGET_OTHER_BRIGADE');
  });

  it('property: accepted exactly when open, same employer on record and same brigade', () => {
    const facts = fc.record({
      id: fc.constantFrom('a', 'b'),
      employerId: fc.constantFrom('e1', 'e2', null),
      organisationId: fc.constantFrom('o1', 'o2'),
      status: fc.constantFrom(...INSPECTION_STATUSES),
    });
    fc.assert(
      fc.property(facts, facts, (s, t) => {
        const ok =
          OPEN_STATUSES.includes(t.status) &&
          s.employerId !== null &&
          s.employerId === t.employerId &&
          s.organisationId === t.organisationId;
        expect(mergeRefusal(s, t) === null).toBe(ok);
      }),
    );
  });
});
