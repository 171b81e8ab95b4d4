import { DEMO_ACCOUNTS } from '../auth/demo-accounts';
import { DEFAULT_DISTRICT_CODE, jurisdictionsOfDistrict } from '../reference/jurisdiction-loader';
import { demoDistrictStaff } from './demo-district';
import { assignmentProblems } from './staff.rules';
import { organisationId } from '../reference/organisations';

describe('demoDistrictStaff', () => {
  const rows = jurisdictionsOfDistrict(DEFAULT_DISTRICT_CODE);
  const district = rows.find((r) => r.level === 'DISTRICT')!;
  const streets = rows.filter((r) => r.level === 'STREET');
  const staff = demoDistrictStaff(district, streets);

  it('gives each of the 42 streets one mediator and two inspectors, and the commission three arbitrators', () => {
    expect(streets).toHaveLength(42);
    for (const s of streets) {
      const covering = (role: string) =>
        staff.filter((a) => a.role === role && a.jurisdictions.some((j) => s.code.startsWith(j)));
      expect(covering('MEDIATOR')).toHaveLength(1);
      expect(covering('INSPECTOR')).toHaveLength(2);
      expect(covering('ARBITRATOR')).toHaveLength(3);
    }
    expect(staff).toHaveLength(42 * 3 + 3);
  });

  it('has unique usernames, none taken by a demo account, and every assignment fits its organisation', () => {
    const names = [...DEMO_ACCOUNTS, ...staff].map((a) => a.username);
    expect(new Set(names).size).toBe(names.length);
    const kindOf = (id: string | null) =>
      (['MEDIATION_COMMITTEE', 'ARBITRATION_COMMISSION', 'INSPECTION_BRIGADE'] as const).flatMap((kind) =>
        [district.code, ...streets.map((s) => s.code)]
          .filter((code) => organisationId(kind, code) === id)
          .map((code) => ({ kind, jurisdictionCode: code })),
      )[0];
    for (const a of staff)
      expect(assignmentProblems(a.role, kindOf(a.organisationId), a.jurisdictions)).toEqual([]);
  });
});
