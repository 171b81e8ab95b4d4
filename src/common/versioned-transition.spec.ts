import type { EntityManager } from 'typeorm';
import { AppException } from './errors/app-exception';
import { lockVersioned, versionedTransition, type StateMachine } from './versioned-transition';

type S = 'OPEN' | 'CLOSED';
type A = 'CLOSE' | 'REOPEN';
const MACHINE: StateMachine<S, A> = {
  table: { OPEN: { CLOSE: 'CLOSED' }, CLOSED: {} },
  actions: ['CLOSE', 'REOPEN'],
};
const em = {} as EntityManager;
const notFound = () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such thing');

function write(
  row: { status: S; version: number; street: string } | null,
  version: number,
  action: A = 'CLOSE',
) {
  return {
    what: 'The thing',
    lock: () => Promise.resolve(row),
    inScope: (r: { street: string }) => r.street === '310115',
    notFound,
    version,
    action,
    machine: MACHINE,
  };
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; status: number; details: unknown }> {
  try {
    await p;
  } catch (e) {
    const x = e as AppException;
    return { code: x.code, status: x.statusCode, details: x.details };
  }
  throw new Error('expected an error');
}

describe('versionedTransition (lock → scope → version → state table → record)', () => {
  const noop = () => Promise.resolve();

  it('a missing row and a row out of scope are both 404', async () => {
    expect((await errorOf(lockVersioned(em, write(null, 1)))).status).toBe(404);
    const other = { status: 'OPEN' as const, version: 1, street: '310101' };
    expect((await errorOf(lockVersioned(em, write(other, 1)))).code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('another version is 409 STALE_VERSION with details {version} = the current version (state-machines.md)', async () => {
    const row = { status: 'OPEN' as const, version: 3, street: '310115' };
    expect(await errorOf(versionedTransition(em, write(row, 2), noop, noop))).toEqual({
      code: 'STALE_VERSION',
      status: 409,
      details: { version: 3 },
    });
  });

  it('the version is checked before the state table; an action the table lacks is 409 ILLEGAL_TRANSITION', async () => {
    const closed = { status: 'CLOSED' as const, version: 2, street: '310115' };
    expect((await errorOf(versionedTransition(em, write(closed, 1), noop, noop))).code).toBe('STALE_VERSION');
    expect(await errorOf(versionedTransition(em, write(closed, 2), noop, noop))).toEqual({
      code: 'ILLEGAL_TRANSITION',
      status: 409,
      details: { status: 'CLOSED', action: 'CLOSE', allowed: [] },
    });
  });

  it('applies, then records with what apply returned, and returns it', async () => {
    const row = { status: 'OPEN' as const, version: 1, street: '310115' };
    const calls: string[] = [];
    const out = await versionedTransition(
      em,
      write(row, 1),
      (r, to) => {
        calls.push(`apply ${r.status}->${to}`);
        return Promise.resolve(42);
      },
      (_r, to, n) => {
        calls.push(`record ${to} ${n}`);
        return Promise.resolve();
      },
    );
    expect(out).toBe(42);
    expect(calls).toEqual(['apply OPEN->CLOSED', 'record CLOSED 42']);
  });
});
