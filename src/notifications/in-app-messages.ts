import { UUID_PATTERN } from '../common/ids';
import { TEMPLATES, isTemplateId, type InAppTemplateId } from './templates';

export type InAppTemplate = InAppTemplateId;

/** Where the thing a message is about lives in the API, by the kind in `subjectRef` ("<kind>:<id>"). */
const SUBJECT_LINKS: Readonly<Record<string, string>> = {
  'risk-warning': '/api/v1/risk/warnings/',
};

/**
 * What the inbox shows for a stored message: its text from the catalogue (templates.ts; the template code itself
 * for a template this version no longer knows) and the API path of its subject (null when the subject is of no
 * linkable kind).
 */
export function describeInApp(template: string, subjectRef: string): { text: string; link: string | null } {
  const text = isTemplateId(template) ? TEMPLATES[template].text : template;
  const colon = subjectRef.indexOf(':');
  const kind = colon > 0 ? subjectRef.slice(0, colon) : '';
  const id = subjectRef.slice(colon + 1);
  const base = Object.hasOwn(SUBJECT_LINKS, kind) ? SUBJECT_LINKS[kind] : undefined;
  return { text, link: base && UUID_PATTERN.test(id) ? `${base}${id}` : null };
}
