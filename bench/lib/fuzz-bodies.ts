import fc from 'fast-check';
import { resolve, type OpenApiDocument, type Schema } from './openapi-ops';

/**
 * Request bodies for the fuzz (issue 15.3): values built from the operation's schema, then hostile mutations —
 * nesting 2,000+ deep, U+0000, lone surrogates, 1 MB and 200 kB strings, wrong types, `__proto__` /
 * `constructor` / `prototype` keys, arrays where objects are due, extra and missing fields, extreme numbers,
 * and whole bodies that are not objects. Bodies are JSON text (built by hand where JSON.stringify cannot: depth,
 * duplicate or prototype keys, escapes).
 */

/** JSON text placed as is into a body. */
class Raw {
  constructor(readonly raw: string) {}
}

type Tree = null | boolean | number | string | Raw | Tree[] | { [key: string]: Tree };

export interface FuzzBody {
  /** the JSON text sent */
  text: string;
  /** what made it (for the counts and to reproduce) */
  kind: string;
}

/** Nested arrays and objects, `levels` deep, as text. */
export function nestedText(levels: number): string {
  return '{"a":['.repeat(levels / 2) + '1' + ']}'.repeat(levels / 2);
}

const MB = 1024 * 1024;

/** Values that have no business in any field. */
const HOSTILE: [string, fc.Arbitrary<Tree>][] = [
  ['deep-2000', fc.constant(new Raw(nestedText(2000)))],
  ['deep-200', fc.constant(new Raw(nestedText(200)))],
  ['deep-array-5000', fc.constant(new Raw('['.repeat(5000) + ']'.repeat(5000)))],
  ['nul', fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`)],
  ['nul-only', fc.constant('\u0000')],
  ['lone-surrogate', fc.constant(new Raw('"\\ud800x\\udfff"'))],
  ['string-1mb', fc.constant('字'.repeat(MB / 3 + 1))],
  ['string-200kb', fc.constant('a'.repeat(200 * 1024))],
  ['long-array', fc.constant(new Raw(`[${Array.from({ length: 10_000 }, () => '1').join(',')}]`))],
  [
    'proto-key',
    fc.constantFrom(
      new Raw('{"__proto__":{"role":"ADMIN","isAdmin":true,"polluted":1}}'),
      new Raw('{"constructor":{"prototype":{"polluted":1}}}'),
      new Raw('{"prototype":{"polluted":1},"__proto__":null}'),
    ),
  ],
  [
    'number-extreme',
    fc.constantFrom<Tree>(
      -1,
      -0,
      0.5,
      1e308,
      -1e308,
      2 ** 53 + 2,
      new Raw('1e400'),
      new Raw('-1e400'),
      new Raw('123456789012345678901234567890'),
    ),
  ],
  [
    'wrong-type',
    fc.constantFrom<Tree>(null, true, false, 0, '', 'x', [], {}, [[]], { a: 1 }, ['a', 1, null]),
  ],
  [
    'text-hostile',
    fc.constantFrom<Tree>(
      "' OR 1=1 --",
      '%00%ff',
      '../../etc/passwd',
      '${jndi:ldap://x/a}',
      '<script>alert(1)</script>',
      '\u202e\ufeff\u200b',
      '2026-02-30',
      '9999-99-99',
      '00000000-0000-0000-0000-000000000000',
      '31011500５',
    ),
  ],
  ['unicode', fc.string({ unit: 'binary', maxLength: 64 })],
];

const hostile: fc.Arbitrary<{ kind: string; value: Tree }> = fc.oneof(
  ...HOSTILE.map(([kind, arb]) => arb.map((value) => ({ kind, value }))),
);

/** A value shaped by the schema: sometimes the documented example, often random within the type. */
export function schemaValue(doc: OpenApiDocument, schema: Schema, depth = 0): fc.Arbitrary<Tree> {
  const s = resolve(doc, schema);
  const example = s.example !== undefined ? [fc.constant(s.example as Tree)] : [];
  if (s.enum?.length)
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(s.enum as Tree[])), weight: 4 },
      fc.string({ maxLength: 12 }),
    );
  switch (s.type) {
    case 'string':
      return fc.oneof(
        ...example,
        fc.string({ maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('2026-03-16', '310115005', '13900000001', '019a0000-0000-7000-8000-000000000000'),
      );
    case 'number':
    case 'integer':
      return fc.oneof(
        ...example,
        fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 10_000_000 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 5 || !s.items
        ? fc.constant([])
        : fc.array(schemaValue(doc, s.items, depth + 1), { maxLength: s.maxItems ?? 4 });
    case 'object':
    case undefined: {
      if (!s.properties || depth > 5) return example[0] ?? fc.constant({});
      const model: Record<string, fc.Arbitrary<Tree>> = {};
      for (const [k, v] of Object.entries(s.properties)) model[k] = schemaValue(doc, v, depth + 1);
      // Plain objects (fc.record may give null-prototype ones).
      return fc
        .record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) })
        .map((o): Tree => ({ ...o }));
    }
  }
}

/** The paths of every node of a tree (the root is []). */
function paths(
  t: Tree,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(t)) t.forEach((v, i) => paths(v, [...at, i], out));
  else if (t && typeof t === 'object' && !(t instanceof Raw))
    for (const k of Object.keys(t)) paths(t[k], [...at, k], out);
  return out;
}

function setAt(root: Tree, path: (string | number)[], value: Tree): Tree {
  if (path.length === 0) return value;
  let cur = root as Record<string | number, Tree>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, Tree>;
  own(cur, path[path.length - 1], value);
  return root;
}

/** Sets an own, enumerable property (also for `__proto__`, which assignment would treat as the prototype). */
function own(o: Record<string | number, Tree>, key: string | number, value: Tree): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(t: Tree): Tree {
  if (t instanceof Raw || t === null || typeof t !== 'object') return t;
  if (Array.isArray(t)) return t.map(clone);
  const out: Record<string, Tree> = {};
  for (const k of Object.keys(t)) own(out, k, clone(t[k]));
  return out;
}

export function serialise(t: Tree): string {
  if (t instanceof Raw) return t.raw;
  if (Array.isArray(t)) return `[${t.map(serialise).join(',')}]`;
  if (t && typeof t === 'object')
    return `{${Object.keys(t)
      .map((k) => `${JSON.stringify(k)}:${serialise(t[k])}`)
      .join(',')}}`;
  return JSON.stringify(t) ?? 'null';
}

type Mutation =
  | { op: 'replace'; at: number; with: { kind: string; value: Tree } }
  | { op: 'add'; at: number; key: string; with: { kind: string; value: Tree } }
  | { op: 'drop'; at: number }
  | { op: 'wrap-array'; at: number };

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'id', 'version', 'status', 'userId'),
  fc.string({ maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), with: hostile }), weight: 5 },
  {
    arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: extraKey, with: hostile }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('wrap-array' as const), at: fc.nat() }), weight: 1 },
);

function apply(root: Tree, m: Mutation): { tree: Tree; kind: string } {
  const all = paths(root);
  const path = all[m.at % all.length];
  const target = path.reduce<Tree>((t, p) => (t as Record<string | number, Tree>)[p], root);
  switch (m.op) {
    case 'replace':
      return { tree: setAt(root, path, clone(m.with.value)), kind: m.with.kind };
    case 'add': {
      const objects = all.filter((p) => {
        const v = p.reduce<Tree>((t, k) => (t as Record<string | number, Tree>)[k], root);
        return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);
      });
      if (!objects.length) return { tree: root, kind: 'none' };
      const at = objects[m.at % objects.length];
      const obj = at.reduce<Tree>((t, k) => (t as Record<string | number, Tree>)[k], root);
      // A copy: hostile values are shared constants, and a tree holding itself would never serialise.
      own(obj as Record<string, Tree>, m.key, clone(m.with.value));
      return { tree: root, kind: `extra-${m.with.kind}` };
    }
    case 'drop': {
      if (path.length === 0) return { tree: root, kind: 'none' };
      const parent = path
        .slice(0, -1)
        .reduce<Tree>((t, k) => (t as Record<string | number, Tree>)[k], root) as Record<string, Tree>;
      if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
      else delete parent[path[path.length - 1]];
      return { tree: root, kind: 'drop' };
    }
    case 'wrap-array':
      return { tree: setAt(root, path, [target]), kind: 'array-for-object' };
  }
}

/**
 * Bodies for one operation: a third well-typed (schema values, or the sample body that passes validation), the
 * rest with one to three hostile mutations, and now and then a body that is not an object at all.
 */
export function fuzzBodies(doc: OpenApiDocument, schema: Schema, sample: unknown): fc.Arbitrary<FuzzBody> {
  const base = fc.oneof(schemaValue(doc, schema), fc.constant(sample as Tree));
  return fc.oneof(
    { arbitrary: base.map((t) => ({ text: serialise(t), kind: 'typed' })), weight: 3 },
    {
      arbitrary: fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([t, ms]) => {
        let tree = clone(t);
        const kinds: string[] = [];
        for (const m of ms) {
          const r = apply(tree, m);
          tree = r.tree;
          kinds.push(r.kind);
        }
        return { text: serialise(tree), kind: kinds.join('+') };
      }),
      weight: 6,
    },
    {
      arbitrary: fc.oneof(
        hostile.map((h) => ({ text: serialise(h.value), kind: `top-${h.kind}` })),
        fc.constantFrom(
          { text: '', kind: 'top-empty' },
          { text: '{', kind: 'top-malformed' },
          { text: '{"a":1,"a":2}', kind: 'top-duplicate-key' },
          { text: '\ufeff{}', kind: 'top-bom' },
        ),
      ),
      weight: 1,
    },
  );
}
