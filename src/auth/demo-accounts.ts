import { EntityManager } from 'typeorm';
import { organisationId } from '../reference/organisations';
import { PiiCipher } from '../common/pii-crypto';
import { User } from './entities/user.entity';
import { workerUsername } from './login-names';
import { hashPassword } from './passwords';
import type { Role } from './roles';

export interface DemoAccount {
  username: string;
  role: Role;
  organisationId: string | null;
  jurisdictions: string[];
  displayName: string;
}

/** One account per role; the street staff belong to 陆家嘴街道 (310115005), supervisor and admin district-wide. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    role: 'ADMIN',
    organisationId: organisationId('HRSS_BUREAU', '310115'),
    jurisdictions: ['310115'],
    displayName: '系统管理员',
  },
  {
    username: 'supervisor',
    role: 'SUPERVISOR',
    organisationId: organisationId('HRSS_BUREAU', '310115'),
    jurisdictions: ['310115'],
    displayName: '督办员',
  },
  {
    username: 'mediator',
    role: 'MEDIATOR',
    organisationId: organisationId('MEDIATION_COMMITTEE', '310115005'),
    jurisdictions: ['310115005'],
    displayName: '调解员',
  },
  {
    username: 'arbitrator',
    role: 'ARBITRATOR',
    organisationId: organisationId('ARBITRATION_COMMISSION', '310115'),
    jurisdictions: ['310115005'],
    displayName: '仲裁员',
  },
  {
    username: 'inspector',
    role: 'INSPECTOR',
    organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    jurisdictions: ['310115005'],
    displayName: '监察员',
  },
  {
    username: '13800000000',
    role: 'WORKER',
    organisationId: null,
    jurisdictions: [],
    displayName: '演示劳动者',
  },
];

/** Creates the demo accounts that do not exist yet (never overwrites a changed password); the bodies they
 * belong to are reference data (organisations.ts). The worker's mobile number is stored encrypted (users.login_phone_*). */
export async function seedDemoAccounts(
  em: EntityManager,
  password: string,
  newId: () => string,
  pii: PiiCipher,
): Promise<string[]> {
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const worker = a.role === 'WORKER';
    const loginPhoneBidx = worker ? pii.blindIndex('phone', a.username) : null;
    const where = loginPhoneBidx ? { loginPhoneBidx } : { username: a.username };
    if (await em.exists(User, { where })) continue;
    const id = newId();
    await em.insert(User, {
      id,
      username: worker ? workerUsername(id) : a.username,
      loginPhoneEnc: worker ? pii.encrypt(a.username) : null,
      loginPhoneBidx,
      passwordHash: await hashPassword(password),
      role: a.role,
      organisationId: a.organisationId,
      jurisdictionCodes: a.jurisdictions,
      displayName: a.displayName,
    });
    created.push(a.username);
  }
  return created;
}

/**
 * Creates the staff accounts that do not exist yet, by username (never touches an existing account): the demo
 * district's staff (staff/demo-district.ts). They share the demo password, so one argon2 hash serves them all;
 * like the demo accounts they need no password change.
 */
export async function seedDemoStaff(
  em: EntityManager,
  accounts: readonly DemoAccount[],
  passwordHash: string,
  newId: () => string,
): Promise<number> {
  const existing = new Set(
    (
      await em.query<{ username: string }[]>(`SELECT username FROM users WHERE username = ANY($1::text[])`, [
        accounts.map((a) => a.username),
      ])
    ).map((r) => r.username),
  );
  const rows = accounts
    .filter((a) => !existing.has(a.username))
    .map((a) => ({
      id: newId(),
      username: a.username,
      passwordHash,
      role: a.role,
      organisationId: a.organisationId,
      jurisdictionCodes: a.jurisdictions,
      displayName: a.displayName,
    }));
  if (rows.length > 0) await em.createQueryBuilder().insert().into(User).values(rows).orIgnore().execute();
  return rows.length;
}
