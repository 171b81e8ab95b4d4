import fc from 'fast-check';
import { isLive, VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const t0 = Date.UTC(2026, 11, 6, 4, 0, 0);

  it('gives back a kept token until the second its expiry names, never after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: -5000, max: 3_700_000 }),
        (ttl, later) => {
          const exp = Math.floor(t0 / 1000) + ttl;
          const kept = new VerifiedTokens<{ exp: number }>();
          kept.keep('a.b.c', { exp }, t0);
          const now = t0 + later;
          // jsonwebtoken: expired once floor(now / 1000) >= exp.
          expect(kept.get('a.b.c', now) !== undefined).toBe(Math.floor(now / 1000) < exp);
        },
      ),
    );
  });

  it('forgets a token found expired', () => {
    const kept = new VerifiedTokens<{ exp: number }>();
    kept.keep('a.b.c', { exp: Math.floor(t0 / 1000) + 1 }, t0);
    expect(kept.get('a.b.c', t0 + 1000)).toBeUndefined();
    expect(kept.size).toBe(0);
    expect(kept.get('a.b.c', t0)).toBeUndefined();
  });

  it('keeps no token without a numeric expiry, or already expired', () => {
    const kept = new VerifiedTokens<{ exp?: unknown }>();
    kept.keep('none', {}, t0);
    kept.keep('text', { exp: String(Math.floor(t0 / 1000) + 60) }, t0);
    kept.keep('past', { exp: Math.floor(t0 / 1000) }, t0);
    expect(kept.size).toBe(0);
    expect(isLive({ exp: Math.floor(t0 / 1000) + 1 }, t0)).toBe(true);
  });

  it('gives back only the token kept, byte for byte', () => {
    const kept = new VerifiedTokens<{ exp: number }>();
    const exp = Math.floor(t0 / 1000) + 60;
    kept.keep('h.p.sig', { exp }, t0);
    for (const other of ['h.p.sif', 'h.p.sig ', 'H.p.sig', 'h.p.', 'h.p'])
      expect(kept.get(other, t0)).toBeUndefined();
    expect(kept.get('h.p.sig', t0)).toEqual({ exp });
  });

  it('holds at most its bound, dropping the oldest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (max, n) => {
        const kept = new VerifiedTokens<{ exp: number }>(max);
        const exp = Math.floor(t0 / 1000) + 60;
        for (let i = 0; i < n; i++) kept.keep(`t${i}`, { exp }, t0);
        expect(kept.size).toBe(Math.min(n, max));
        for (let i = 0; i < n; i++) expect(kept.get(`t${i}`, t0) !== undefined).toBe(i >= n - max);
      }),
    );
  });
});
