import { UUID_PATTERN } from '../common/ids';

/**
 * The texts of in-app messages to staff, by template. `recordInApp` only takes a template listed here, so every
 * message in an inbox has a text.
 */
export const IN_APP_TEXTS = {
  /** RiskWarningsService.escalateOverdue: RED_ACKNOWLEDGE_WITHIN_MS (risk.rules.ts) passed without 签收. */
  RISK_RED_UNACKNOWLEDGED: '红色预警超过2小时未签收',
} as const;

export type InAppTemplate = keyof typeof IN_APP_TEXTS;

/** Where the thing a message is about lives in the API, by the kind in `subjectRef` ("<kind>:<id>"). */
const SUBJECT_LINKS: Readonly<Record<string, string>> = {
  'risk-warning': '/api/v1/risk/warnings/',
};

/**
 * What the inbox shows for a stored message: its text (the template code itself for a template this version no
 * longer knows) and the API path of its subject (null when the subject is of no linkable kind).
 */
export function describeInApp(template: string, subjectRef: string): { text: string; link: string | null } {
  const text = Object.hasOwn(IN_APP_TEXTS, template) ? IN_APP_TEXTS[template as InAppTemplate] : template;
  const colon = subjectRef.indexOf(':');
  const kind = colon > 0 ? subjectRef.slice(0, colon) : '';
  const id = subjectRef.slice(colon + 1);
  const base = Object.hasOwn(SUBJECT_LINKS, kind) ? SUBJECT_LINKS[kind] : undefined;
  return { text, link: base && UUID_PATTERN.test(id) ? `${base}${id}` : null };
}
