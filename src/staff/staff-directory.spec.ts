import fc from 'fast-check';
import { ROLES } from '../auth/roles';
import { toStaffRef, WORKER_DISPLAY_NAME, type StaffRow } from './staff-directory';

const row = (over: Partial<StaffRow> = {}): StaffRow => ({
  id: '0190e0a0-0000-7000-8000-000000000001',
  username: 'med-310115007-1',
  display_name: '张调解',
  role: 'MEDIATOR',
  organisation_id: '0190e0a0-0000-7000-8000-0000000000aa',
  organisation_name: '花木街道人民调解委员会',
  organisation_kind: 'MEDIATION_COMMITTEE',
  ...over,
});

describe('toStaffRef', () => {
  it('names a staff member with their organisation', () => {
    expect(toStaffRef(row())).toEqual({
      id: row().id,
      displayName: '张调解',
      role: 'MEDIATOR',
      organisation: {
        id: row().organisation_id,
        name: '花木街道人民调解委员会',
        kind: 'MEDIATION_COMMITTEE',
      },
    });
  });

  it('falls back to the username for staff without a display name, and to no organisation', () => {
    const ref = toStaffRef(row({ display_name: '  ', organisation_id: null, organisation_name: null }));
    expect(ref.displayName).toBe('med-310115007-1');
    expect(ref.organisation).toBeNull();
  });

  it('never shows a worker account by its username (a phone number) or its name', () => {
    const ref = toStaffRef(row({ role: 'WORKER', username: '13800000000', display_name: '王五' }));
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
            row({ role, username: role === 'WORKER' ? phone : 'staff-x', display_name: name }),
          );
          expect(JSON.stringify(ref)).not.toContain(phone);
          expect(ref.displayName.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
