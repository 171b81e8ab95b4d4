import fc from 'fast-check';
import { ORGANISATION_KINDS } from '../reference/entities/organisation.entity';
import {
  assignmentProblems,
  ROLE_ORGANISATION_KIND,
  STAFF_ACCOUNT_ROLES,
  ownScopeChanged,
  staffChangeCause,
} from './staff.rules';

const committee007 = { kind: 'MEDIATION_COMMITTEE' as const, jurisdictionCode: '310115007' };
const commission = { kind: 'ARBITRATION_COMMISSION' as const, jurisdictionCode: '310115' };

describe('assignmentProblems', () => {
  it('accepts a mediator of a street committee for that street, an arbitrator of the commission for any street', () => {
    expect(assignmentProblems('MEDIATOR', committee007, ['310115007'])).toEqual([]);
    expect(assignmentProblems('ARBITRATOR', commission, ['310115005', '310115007'])).toEqual([]);
    expect(assignmentProblems('ARBITRATOR', commission, ['310115'])).toEqual([]);
  });

  it('names the field: a role that does not fit the kind, a jurisdiction outside, none at all, a worker', () => {
    expect(assignmentProblems('INSPECTOR', committee007, ['310115007']).map((p) => p.field)).toEqual([
      'organisationId',
    ]);
    expect(assignmentProblems('MEDIATOR', committee007, ['310115005']).map((p) => p.field)).toEqual([
      'jurisdictionCodes',
    ]);
    expect(assignmentProblems('MEDIATOR', committee007, ['310115']).map((p) => p.field)).toEqual([
      'jurisdictionCodes',
    ]);
    expect(assignmentProblems('MEDIATOR', committee007, []).map((p) => p.field)).toEqual([
      'jurisdictionCodes',
    ]);
    expect(assignmentProblems('WORKER', committee007, ['310115007']).map((p) => p.field)).toEqual(['role']);
  });

  it('property: a role fits exactly the kind the table gives it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAFF_ACCOUNT_ROLES),
        fc.constantFrom(...ORGANISATION_KINDS),
        (role, kind) => {
          const fits =
            assignmentProblems(role, { kind, jurisdictionCode: '310115' }, ['310115005']).length === 0;
          expect(fits).toBe(ROLE_ORGANISATION_KIND[role] === kind);
        },
      ),
    );
  });

  it("property: a jurisdiction fits exactly when it starts with the organisation's", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{9}$/), (org, code) => {
        const problems = assignmentProblems(
          'ARBITRATOR',
          { kind: 'ARBITRATION_COMMISSION', jurisdictionCode: org },
          [code],
        );
        expect(problems.length === 0).toBe(code.startsWith(org));
      }),
    );
  });
});

describe('ownScopeChanged (nobody widens their own powers)', () => {
  const a = { role: 'ADMIN', organisationId: 'o', jurisdictionCodes: ['310115', '310101'] };
  it('the role, the organisation or the jurisdictions, in any order; not a name or a phone', () => {
    expect(ownScopeChanged(a, { ...a, jurisdictionCodes: ['310101', '310115'] })).toBe(false);
    expect(ownScopeChanged(a, { ...a, role: 'SUPERVISOR' })).toBe(true);
    expect(ownScopeChanged(a, { ...a, organisationId: 'p' })).toBe(true);
    expect(ownScopeChanged(a, { ...a, jurisdictionCodes: ['310115'] })).toBe(true);
  });
});

describe('staffChangeCause', () => {
  const base = { active: true, role: 'MEDIATOR', organisationId: 'o1', jurisdictionCodes: ['310115005'] };
  it('names the change that may leave open cases with someone who cannot act on them, else null', () => {
    expect(staffChangeCause(base, { ...base, active: false })).toBe('DEACTIVATED');
    expect(staffChangeCause(base, { ...base, role: 'SUPERVISOR', active: false })).toBe('DEACTIVATED');
    expect(staffChangeCause(base, { ...base, role: 'SUPERVISOR' })).toBe('ROLE_CHANGED');
    expect(staffChangeCause(base, { ...base, organisationId: 'o2' })).toBe('MOVED');
    expect(staffChangeCause(base, { ...base, jurisdictionCodes: ['310115016'] })).toBe('MOVED');
    expect(staffChangeCause(base, { ...base, jurisdictionCodes: ['310115005'] })).toBeNull();
    expect(staffChangeCause({ ...base, active: false }, { ...base, active: false })).toBeNull();
  });
});
