import { EntityManager } from 'typeorm';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './passwords';
import type { Role } from './roles';

/** Fixed ids so the seed is idempotent. */
export const DEMO_ORGANISATIONS: Omit<Organisation, 'createdAt'>[] = [
  {
    id: '0190a0b0-0000-7000-8000-000000000001',
    name: '浦东新区人力资源和社会保障局',
    kind: 'HRSS_BUREAU',
    jurisdictionCode: '310115',
  },
  {
    id: '0190a0b0-0000-7000-8000-000000000002',
    name: '陆家嘴街道人民调解委员会',
    kind: 'MEDIATION_COMMITTEE',
    jurisdictionCode: '310115005',
  },
  {
    id: '0190a0b0-0000-7000-8000-000000000003',
    name: '浦东新区劳动人事争议仲裁委员会',
    kind: 'ARBITRATION_COMMISSION',
    jurisdictionCode: '310115',
  },
  {
    id: '0190a0b0-0000-7000-8000-000000000004',
    name: '浦东新区劳动保障监察大队',
    kind: 'INSPECTION_BRIGADE',
    jurisdictionCode: '310115',
  },
];

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
    organisationId: DEMO_ORGANISATIONS[0].id,
    jurisdictions: ['310115'],
    displayName: '系统管理员',
  },
  {
    username: 'supervisor',
    role: 'SUPERVISOR',
    organisationId: DEMO_ORGANISATIONS[0].id,
    jurisdictions: ['310115'],
    displayName: '督办员',
  },
  {
    username: 'mediator',
    role: 'MEDIATOR',
    organisationId: DEMO_ORGANISATIONS[1].id,
    jurisdictions: ['310115005'],
    displayName: '调解员',
  },
  {
    username: 'arbitrator',
    role: 'ARBITRATOR',
    organisationId: DEMO_ORGANISATIONS[2].id,
    jurisdictions: ['310115005'],
    displayName: '仲裁员',
  },
  {
    username: 'inspector',
    role: 'INSPECTOR',
    organisationId: DEMO_ORGANISATIONS[3].id,
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

/** Creates the demo organisations and accounts that do not exist yet (never overwrites a changed password). */
export async function seedDemoAccounts(
  em: EntityManager,
  password: string,
  newId: () => string,
): Promise<string[]> {
  await em.createQueryBuilder().insert().into(Organisation).values(DEMO_ORGANISATIONS).orIgnore().execute();
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await em.exists(User, { where: { username: a.username } })) continue;
    await em.insert(User, {
      id: newId(),
      username: a.username,
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
