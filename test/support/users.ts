import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords';
import type { Role } from '../../src/auth/roles';
import { DEMO_PASSWORD, type TestApp } from './test-app';

/**
 * Adds a signed-in-able account (password DEMO_PASSWORD) with the given role and scope (and body), e.g. staff of
 * another street for access-control tests; returns its user id. Use `t.token(username)` to sign in.
 */
export async function createAccount(
  t: TestApp,
  a: { username: string; role: Role; jurisdictions: string[]; organisationId?: string },
): Promise<string> {
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO users (id, username, password_hash, role, jurisdiction_codes, display_name, organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      a.username,
      await hashPassword(DEMO_PASSWORD),
      a.role,
      a.jurisdictions,
      a.username,
      a.organisationId ?? null,
    ],
  );
  return id;
}

/** Signs a worker in by SMS code (creating the account on first use); returns the access token. */
export async function signInWorker(t: TestApp, phone: string): Promise<string> {
  await t.http().post('/api/v1/auth/otp/request').send({ phone });
  const v = await t
    .http()
    .post('/api/v1/auth/otp/verify')
    .send({ phone, code: t.sms.lastCode(phone) });
  if (v.status !== 200) throw new Error(`OTP sign-in of ${phone} failed: ${v.status}`);
  return v.body.accessToken as string;
}
