import { CHECKSUM_PRIME } from './sla-facts.sql';

/**
 * The nightly recompute's comparison of checksums (sla-facts.sql factChecksumsSelect and friends): sums of
 * residues mod CHECKSUM_PRIME per key, and the keys whose sums differ. Pure, unit-tested in sla-checksums.spec.ts.
 */

/** factChecksumsSelect's row: sums of residues mod CHECKSUM_PRIME, as numeric text. */
export interface FactChecksumRow {
  street_code: string;
  case_type: string;
  facts: string;
  cells?: string;
  handling?: string;
}

/** A per-street checksum of maintained rows (cellChecksumsSelect, handlingChecksumsSelect). */
export interface StreetChecksumRow {
  street_code: string;
  sum: string;
}

const PRIME = BigInt(CHECKSUM_PRIME);
/** A sum of residues (numeric text; none = 0) reduced to [0, CHECKSUM_PRIME). */
const residue = (sum: string | bigint | undefined): bigint =>
  sum === undefined ? 0n : ((BigInt(sum) % PRIME) + PRIME) % PRIME;
/** The key of a (case type, street) checksum. */
export const TYPE_STREET = (r: FactChecksumRow) => `${r.case_type} ${r.street_code}`;

/** The keys whose checksums differ between `a` and `b` (a key missing on one side counts as 0), sorted. */
export function differingKeys(a: ReadonlyMap<string, bigint>, b: ReadonlyMap<string, bigint>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((k) => residue(a.get(k)) !== residue(b.get(k)))
    .sort();
}

/**
 * Sums one checksum column of rows per key (`keyOf`), as residues: factChecksumsSelect's rows per (street, case
 * type) for the facts, per street for the cells and buckets the facts add up to, the maintained rows per street.
 */
export function checksumsBy<R>(
  rows: readonly R[],
  keyOf: (r: R) => string,
  sumOf: (r: R) => string | undefined,
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const r of rows) out.set(keyOf(r), residue((out.get(keyOf(r)) ?? 0n) + BigInt(sumOf(r) ?? 0)));
  return out;
}
