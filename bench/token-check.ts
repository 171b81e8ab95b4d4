import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { arg, loadAverage } from './fault/load';
import { median } from './lib/stats';
import { VerifiedTokens } from '../src/auth/verified-tokens';

/**
 * What checking an access token costs the API on each request (issue 17): jsonwebtoken's verify with the options
 * `JwtStrategy` gives it (a KeyObject, HS256 pinned, issuer and audience), against the kept token's lookup
 * (`VerifiedTokens.get`), in one process, alternated round by round; µs a call, medians of the rounds.
 *   npm run bench:token-check -- [--count 20000] [--rounds 9]
 */
function main(): void {
  const count = Number(arg('count', '20000'));
  const rounds = Number(arg('rounds', '9'));
  const secret = randomBytes(32).toString('hex');
  const key = createSecretKey(Buffer.from(secret));
  const options = {
    algorithms: ['HS256'] as jsonwebtoken.Algorithm[],
    issuer: 'labor-rights-platform',
    audience: 'labor-rights-clients',
  };
  // Claims as TokensService issues them (a street mediator's).
  const token = jsonwebtoken.sign(
    {
      sub: randomUUID(),
      role: 'MEDIATOR',
      jur: ['310115005'],
      org: randomUUID(),
      typ: 'access',
      sv: 0,
      fam: randomUUID(),
    },
    secret,
    {
      algorithm: 'HS256',
      expiresIn: 900,
      issuer: options.issuer,
      audience: options.audience,
      jwtid: randomUUID(),
    },
  );
  const kept = new VerifiedTokens<jsonwebtoken.JwtPayload>();
  // A process's worth of other tokens kept beside it.
  for (let i = 0; i < 9_999; i++) kept.keep(`${token}${i}`, { exp: Math.floor(Date.now() / 1000) + 900 });
  kept.keep(token, jsonwebtoken.verify(token, key, options) as jsonwebtoken.JwtPayload);

  const time = (f: () => unknown): number => {
    const t0 = process.cpuUsage();
    for (let i = 0; i < count; i++) f();
    const t1 = process.cpuUsage(t0);
    return (t1.user + t1.system) / count;
  };
  const verify = () => jsonwebtoken.verify(token, key, options);
  const lookup = () => {
    if (kept.get(token) === undefined) throw new Error('the kept token was not found');
  };
  time(verify);
  time(lookup);
  const v: number[] = [];
  const l: number[] = [];
  for (let r = 0; r < rounds; r++) {
    v.push(time(verify));
    l.push(time(lookup));
  }
  process.stdout.write(
    [
      `token check: ${count} calls a round, ${rounds} rounds alternated; load average ${loadAverage()}`,
      '',
      '| check | CPU µs a call, median (min–max) |',
      '|---|---|',
      `| jsonwebtoken.verify (HS256, issuer, audience) | ${median(v).toFixed(2)} (${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}) |`,
      `| VerifiedTokens.get (10,000 kept) | ${median(l).toFixed(2)} (${Math.min(...l).toFixed(2)}–${Math.max(...l).toFixed(2)}) |`,
      '',
      `load average at the end ${loadAverage()}`,
      '',
    ].join('\n'),
  );
}

main();
