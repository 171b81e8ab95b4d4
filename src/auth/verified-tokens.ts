/**
 * How many verified access tokens a process keeps (a token of ≈ 400 characters and its claims each: a few MB).
 * A client sends the same token on every request until it expires (15 minutes); checking its signature and claims
 * again each time was a sixth of the API's CPU on a request that reads nothing else (issue 17, bench/README.md).
 */
export const MAX_VERIFIED_TOKENS = 10_000;

/** What a kept token's claims must carry: its expiry, in seconds since the epoch (RFC 7519 §4.1.4). */
export interface ExpiringClaims {
  exp?: unknown;
}

/**
 * Access tokens whose signature, algorithm, issuer, audience and expiry were checked (by jsonwebtoken, with the
 * process's one key), kept with their claims until they expire: a kept token is the same string, byte for byte, so
 * its signature is the one checked, and only the clock can make it invalid. What the token names — the account, its
 * session version, a revoked family — is still checked on every request (`SessionService.principalOf`).
 */
export class VerifiedTokens<C extends ExpiringClaims> {
  /** Token → its claims, the oldest dropped first (MAX_VERIFIED_TOKENS). */
  private readonly kept = new Map<string, C>();

  constructor(private readonly max = MAX_VERIFIED_TOKENS) {}

  /** The claims of a kept token that has not expired at `nowMs`; a kept token found expired is forgotten. */
  get(token: string, nowMs = Date.now()): C | undefined {
    const claims = this.kept.get(token);
    if (claims === undefined) return undefined;
    if (isLive(claims, nowMs)) return claims;
    this.kept.delete(token);
    return undefined;
  }

  /** Keeps a token its caller has just verified; one without a numeric expiry is never kept. */
  keep(token: string, claims: C, nowMs = Date.now()): void {
    if (!isLive(claims, nowMs) || this.kept.has(token)) return;
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, claims);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** As jsonwebtoken decides it (no clock tolerance): expired once the current whole second reaches `exp`. */
export function isLive(claims: ExpiringClaims, nowMs: number): boolean {
  return typeof claims.exp === 'number' && Math.floor(nowMs / 1000) < claims.exp;
}
