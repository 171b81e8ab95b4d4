import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts';
import { DEFAULT_DISTRICT_CODE, jurisdictionsOfDistrict } from '../src/reference/jurisdiction-loader';
import { demoDistrictStaff } from '../src/staff/demo-district';

/** Prints the demo accounts and the demo district's staff (username, role, scope, display name) as TSV. */
const rows = jurisdictionsOfDistrict(DEFAULT_DISTRICT_CODE);
const district = rows.find((r) => r.level === 'DISTRICT')!;
const streets = rows.filter((r) => r.level === 'STREET');
process.stdout.write('username\trole\tjurisdictions\tdisplayName\n');
for (const a of [...DEMO_ACCOUNTS, ...demoDistrictStaff(district, streets)])
  process.stdout.write(`${a.username}\t${a.role}\t${a.jurisdictions.join(',')}\t${a.displayName}\n`);
