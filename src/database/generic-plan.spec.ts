import fc from 'fast-check';
import { GENERIC_PLAN_SETTING, genericPlanConnection } from './generic-plan';

describe('genericPlanConnection', () => {
  it("adds the generic-plan setting to the pool's options when the URL has none", () => {
    expect(genericPlanConnection('postgres://postgres@127.0.0.1:5432/test', '-c jit=off')).toEqual({
      url: 'postgres://postgres@127.0.0.1:5432/test',
      options: `-c jit=off ${GENERIC_PLAN_SETTING}`,
    });
    expect(genericPlanConnection('postgres://127.0.0.1/test', undefined)).toEqual({
      url: 'postgres://127.0.0.1/test',
      options: GENERIC_PLAN_SETTING,
    });
  });

  it("adds it to the URL's options when the URL has them (pg lets those replace the pool's)", () => {
    const r = genericPlanConnection(
      'postgres://u:p%40ss@db.example:6432/lrp?sslmode=require&options=-c%20statement_timeout%3D5000',
      '-c jit=off',
    );
    const url = new URL(r.url);
    expect(url.searchParams.get('options')).toBe(`-c statement_timeout=5000 ${GENERIC_PLAN_SETTING}`);
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect([url.username, url.password, url.host, url.pathname]).toEqual([
      'u',
      'p%40ss',
      'db.example:6432',
      '/lrp',
    ]);
    expect(r.options).toBe('-c jit=off');
  });

  it('leaves a URL the WHATWG parser refuses as it is, the setting on the pool', () => {
    expect(genericPlanConnection('postgres://db.example:99999/lrp', '-c jit=off')).toEqual({
      url: 'postgres://db.example:99999/lrp',
      options: `-c jit=off ${GENERIC_PLAN_SETTING}`,
    });
  });

  it('keeps every other part of the URL and every option already set', () => {
    const word = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(
        fc.option(
          fc
            .array(fc.tuple(word, word), { maxLength: 3 })
            .map((kv) => kv.map(([k, v]) => `-c ${k}=${v}`).join(' ')),
        ),
        fc.option(word),
        fc.option(word.map((w) => `-c ${w}=on`)),
        (urlOptions, database, poolOptions) => {
          const base = new URL(`postgres://user@127.0.0.1:5432/${database ?? 'test'}`);
          if (urlOptions !== null) base.searchParams.set('options', urlOptions);
          const r = genericPlanConnection(base.toString(), poolOptions ?? undefined);
          const after = new URL(r.url);
          expect(after.pathname).toBe(base.pathname);
          expect(after.host).toBe(base.host);
          const where = urlOptions === null ? r.options : after.searchParams.get('options');
          const kept = urlOptions === null ? poolOptions : urlOptions;
          expect(where!.endsWith(GENERIC_PLAN_SETTING)).toBe(true);
          expect(where!.slice(0, -GENERIC_PLAN_SETTING.length).trim()).toBe((kept ?? '').trim());
          if (urlOptions !== null) expect(r.options).toBe(poolOptions ?? undefined);
        },
      ),
    );
  });
});
