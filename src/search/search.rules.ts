import type { Role } from '../auth/roles';
import { TRACKING_NO_PATTERN } from '../common/tracking-number';
import { isValidChineseIdNumber } from '../common/validation/id-number';

/** What a search query is taken to be: each kind is matched on its own indexed key. */
export type SearchKey =
  | { kind: 'PHONE'; phone: string }
  | { kind: 'USCC'; uscc: string }
  | { kind: 'NUMBER'; number: string }
  /** a resident ID number; the same 18 characters are also a USCC's shape, and are looked up as one too */
  | { kind: 'ID_NUMBER'; idNumber: string; uscc: string }
  /** a worker's full name (normalised) and, as typed, a fragment of an employer's name: both are looked up */
  | { kind: 'NAME'; name: string; fragment: string; pattern: string }
  | { kind: 'EMPLOYER_NAME'; fragment: string; pattern: string };

/** What a hit matched (each hit lists every way it did). */
export const SEARCH_MATCHES = [
  'TRACKING_NO',
  'CASE_NO',
  'PHONE',
  'ID_NUMBER',
  'WORKER_NAME',
  'USCC',
  'EMPLOYER_NAME',
] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

// GB 32100-2015 统一社会信用代码: 18 characters, digits and capitals without I, O, Z, S, V.
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;
// 中国大陆手机号: 11 digits starting with 1, optionally written with +86 / 86 and spaces or hyphens.
const PHONE = /^(?:\+?86)?(1\d{10})$/;
/** A case number of the commission or a committee (…〔2026〕第12号) — matched exactly. */
const CASE_NUMBER = /〔\d{4}〕第\d+号$/u;

/**
 * A person's name as matched: without whitespace (full-width U+3000 and no-break spaces included: typed at a counter,
 * "张\u3000三" is 张三) and with one middle dot: 民委发〔2016〕33号 一 (the name separator is "·", U+00B7), often
 * typed as "・", "•" or ".". Migration 1796400010550 indexes complainants' names by the same rule in SQL;
 * search.e2e-spec keeps the two equal.
 */
export function normalisePersonName(s: string): string {
  return s.replace(NAME_SPACES, '').replace(NAME_DOTS, '·');
}
const NAME_SPACES = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/gu;
const NAME_DOTS = /[.\uff0e\u30fb\u2022\u2027\u2219]/gu;
/**
 * A Chinese full name: two to four Han characters (the common 姓 + 名), or Han parts joined by middle dots, up to
 * 50 characters (民委发〔2016〕33号 二: systems keep names of at least 50 characters).
 */
const PERSON_NAME = /^(?:\p{Script=Han}{2,4}|(?=.{3,50}$)\p{Script=Han}+(?:·\p{Script=Han}+)+)$/u;

/** Escapes LIKE's wildcards so that a name is matched as typed. */
export function likeContaining(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Classifies a trimmed query: a mobile number (exact, normalised), a resident ID number (exact, by its blind index;
 * only with a valid check character, else a USCC as before: GB 32100 lets a USCC be all digits), a USCC (exact), a
 * tracking or case number (exact), a Chinese full name (exact, normalised; also an employer-name fragment), or else
 * part of an employer's name (one or two characters by the names' grams, migration 1796400001600; longer by
 * trigram-indexed ILIKE). A part of a person's name never finds a person.
 */
export function classifySearch(q: string): SearchKey {
  const compact = q.replace(/[\s-]/g, '');
  const phone = PHONE.exec(compact);
  if (phone) return { kind: 'PHONE', phone: phone[1] };
  const upper = compact.toUpperCase();
  // GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character (common/validation/id-number.ts)
  if (isValidChineseIdNumber(upper)) return { kind: 'ID_NUMBER', idNumber: upper, uscc: upper };
  if (USCC.test(upper)) return { kind: 'USCC', uscc: upper };
  if (TRACKING_NO_PATTERN.test(q.toUpperCase())) return { kind: 'NUMBER', number: q.toUpperCase() };
  if (CASE_NUMBER.test(q)) return { kind: 'NUMBER', number: q };
  const name = normalisePersonName(q);
  if (PERSON_NAME.test(name)) return { kind: 'NAME', name, fragment: q, pattern: likeContaining(q) };
  return { kind: 'EMPLOYER_NAME', fragment: q, pattern: likeContaining(q) };
}

/**
 * A query must be at least two characters, or a single Chinese character (a name fragment); never a control
 * character (a NUL cannot even reach PostgreSQL as text: it was a 500).
 */
export const SEARCH_QUERY_PATTERN = /^(?!.*\p{Cc})(?:.{2,}|\p{Script=Han})$/su;
export const SEARCH_QUERY_MAX = 64;

/** The kinds of case searchable by each role: those whose view the role may read (the controllers' @Roles). */
export const SEARCHABLE_KINDS: Readonly<
  Record<Role, readonly ('COMPLAINT' | 'MEDIATION' | 'ARBITRATION' | 'INSPECTION')[]>
> = {
  WORKER: [],
  MEDIATOR: ['COMPLAINT', 'MEDIATION', 'ARBITRATION'],
  ARBITRATOR: ['COMPLAINT', 'ARBITRATION'],
  INSPECTOR: ['COMPLAINT', 'ARBITRATION', 'INSPECTION'],
  SUPERVISOR: ['COMPLAINT', 'MEDIATION', 'ARBITRATION', 'INSPECTION'],
  ADMIN: ['COMPLAINT', 'ARBITRATION', 'INSPECTION'],
};
