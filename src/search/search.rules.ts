import type { Role } from '../auth/roles';
import { TRACKING_NO_PATTERN } from '../common/tracking-number';

/** What a search query is taken to be: each kind is matched on its own indexed key. */
export type SearchKey =
  | { kind: 'PHONE'; phone: string }
  | { kind: 'USCC'; uscc: string }
  | { kind: 'NUMBER'; number: string }
  | { kind: 'EMPLOYER_NAME'; fragment: string; pattern: string };

// GB 32100-2015 统一社会信用代码: 18 characters, digits and capitals without I, O, Z, S, V.
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;
// 中国大陆手机号: 11 digits starting with 1, optionally written with +86 / 86 and spaces or hyphens.
const PHONE = /^(?:\+?86)?(1\d{10})$/;
/** A case number of the commission or a committee (…〔2026〕第12号) — matched exactly. */
const CASE_NUMBER = /〔\d{4}〕第\d+号$/u;

/** Escapes LIKE's wildcards so that a name is matched as typed. */
export function likeContaining(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Classifies a trimmed query: a mobile number (exact, normalised), a USCC (exact), a tracking or case number
 * (exact), or else part of an employer's name (one or two characters by the names' grams, migration 1796400001600;
 * longer by trigram-indexed ILIKE).
 */
export function classifySearch(q: string): SearchKey {
  const compact = q.replace(/[\s-]/g, '');
  const phone = PHONE.exec(compact);
  if (phone) return { kind: 'PHONE', phone: phone[1] };
  const upper = compact.toUpperCase();
  if (USCC.test(upper)) return { kind: 'USCC', uscc: upper };
  if (TRACKING_NO_PATTERN.test(q.toUpperCase())) return { kind: 'NUMBER', number: q.toUpperCase() };
  if (CASE_NUMBER.test(q)) return { kind: 'NUMBER', number: q };
  return { kind: 'EMPLOYER_NAME', fragment: q, pattern: likeContaining(q) };
}

/** A query must be at least two characters, or a single Chinese character (a name fragment). */
export const SEARCH_QUERY_PATTERN = /^(?:.{2,}|\p{Script=Han})$/su;
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
