import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** The texts marked by `prepared`, each with its statement name. */
const NAMES = new Map<string, string>();

/**
 * Marks a constant SQL text as a named prepared statement and returns it unchanged, for a repository to keep as a
 * module-level constant and pass to `em.query` as usual. Each connection then parses it once (and, once PostgreSQL
 * finds the generic plan no dearer than its custom ones, plans it once) instead of on every call: an unnamed
 * statement is parsed, analysed and planned every time, which on intake's short statements cost as much as running
 * them (issue 17, bench/README.md "Sixth pass").
 *
 * Mark only texts that (a) are fixed — never built per call, so the names stay few; a read by several keys has one
 * text per key-list length (`keyArray` in key-lists.ts) — and (b) touch a few rows by key, where one plan fits every
 * parameter. A statement whose best plan depends on its parameters (a list filtered
 * by jurisdiction prefixes, the risk features over one employer or all of them) stays unnamed.
 */
export function prepared(text: string): string {
  if (!NAMES.has(text))
    NAMES.set(text, `lrp_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/** The statement name of a marked text, or undefined. */
export function preparedName(text: string): string | undefined {
  return NAMES.get(text);
}

/**
 * The pool's connection class (`extra.Client` in data-source-options.ts): a marked text goes out as a named
 * statement — pg parses a name on a connection once and afterwards sends only Bind and Execute — and every other
 * query exactly as pg sends it. A new connection (after a restart of PostgreSQL, say) starts with no names.
 */
export class PreparingClient extends Client {}

// pg's `query` has a dozen overloads; the override takes them all and changes only a marked text's form.
const { query: send } = Client.prototype as unknown as {
  query: (this: Client, ...args: unknown[]) => unknown;
};
Object.defineProperty(PreparingClient.prototype, 'query', {
  value: function query(this: Client, ...args: unknown[]): unknown {
    const [config, ...rest] = args;
    const name = typeof config === 'string' ? NAMES.get(config) : undefined;
    return name === undefined ? send.apply(this, args) : send.call(this, { name, text: config }, ...rest);
  },
  writable: true,
  configurable: true,
});
