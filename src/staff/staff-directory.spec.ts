import fc from 'fast-check';
import { ROLES } from '../auth/roles';
import { toStaffRef, WORKER_DISPLAY_NAME, type StaffAccount, type StaffRef } from './staff-directory';

const account = (over: Partial<StaffAccount> = {}): StaffAccount => ({
  id: '0190e0a0-0000-7000-8000-000000000001',
  username: 'med-310115007-1',
  displayName: '张调解',
  role: 'MEDIATOR',
  ...over,
});
const committee: StaffRef['organisation'] = {
  id: '0190e0a0-0000-7000-8000-0000000000aa',
  name: '花木街道人民调解委员会',
  kind: 'MEDIATION_COMMITTEE',
};

describe('toStaffRef', () => {
  it('names a staff member with their organisation', () => {
    expect(toStaffRef(account(), committee)).toEqual({
      id: account().id,
      displayName: '张调解',
      role: 'MEDIATOR',
      organisation: {
        id: committee.id,
        name: '花木街道人民调解委员会',
        kind: 'MEDIATION_COMMITTEE',
      },
    });
  });

  it('falls back to the username for staff without a display name, and to no organisation', () => {
    const ref = toStaffRef(account({ displayName: '  ' }), undefined);
    expect(ref.displayName).toBe('med-310115007-1');
    expect(ref.organisation).toBeNull();
  });

  it('never shows a worker account by its username (a phone number) or its name', () => {
    const ref = toStaffRef(
      account({ role: 'WORKER', username: '13800000000', displayName: '王五' }),
      committee,
    );
    expect(ref.displayName).toBe(WORKER_DISPLAY_NAME);
  });

  it('property: the result never contains the username of a worker nor any 11-digit number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.option(fc.string({ maxLength: 20 })),
        (role, phone, name) => {
          const ref = toStaffRef(
            account({ role, username: role === 'WORKER' ? phone : 'staff-x', displayName: name }),
            committee,
          );
          expect(JSON.stringify(ref)).not.toContain(phone);
          expect(ref.displayName.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
