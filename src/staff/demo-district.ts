import { organisationId } from '../reference/organisations';
import type { DemoAccount } from '../auth/demo-accounts';

const ORDINAL = ['一', '二', '三'];

/**
 * Pure: the demo district's staff besides the six demo accounts — one mediator and two inspectors for every
 * street-level unit, three arbitrators at the district commission (a tribunal of three, 调解仲裁法 第三十一条),
 * so that every street's mediation gets a mediator and a 双随机 plan can draw two inspectors per employer.
 */
export function demoDistrictStaff(
  district: { code: string; name: string },
  streets: readonly { code: string; name: string }[],
): DemoAccount[] {
  const staff: DemoAccount[] = [];
  for (const s of streets) {
    staff.push({
      username: `med-${s.code}`,
      role: 'MEDIATOR',
      organisationId: organisationId('MEDIATION_COMMITTEE', s.code),
      jurisdictions: [s.code],
      displayName: `${s.name}调解员`,
    });
    for (const n of [1, 2])
      staff.push({
        username: `insp-${s.code}-${n}`,
        role: 'INSPECTOR',
        organisationId: organisationId('INSPECTION_BRIGADE', district.code),
        jurisdictions: [s.code],
        displayName: `${s.name}监察员${ORDINAL[n - 1]}`,
      });
  }
  for (const n of [1, 2, 3])
    staff.push({
      username: `arb-${district.code}-${n}`,
      role: 'ARBITRATOR',
      organisationId: organisationId('ARBITRATION_COMMISSION', district.code),
      jurisdictions: [district.code],
      displayName: `仲裁员${ORDINAL[n - 1]}`,
    });
  return staff;
}
