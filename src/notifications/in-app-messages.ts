import { UUID_PATTERN } from '../common/ids';
import { TEMPLATES, isTemplateId, renderTemplate, type InAppTemplateId } from './templates';

export type InAppTemplate = InAppTemplateId;

/** Where the thing a message is about lives in the API, by the kind in `subjectRef` ("<kind>:<id>"). */
const SUBJECT_LINKS: Readonly<Record<string, string>> = {
  'risk-warning': '/api/v1/risk/warnings/',
  complaint: '/api/v1/complaints/',
  'mediation-case': '/api/v1/mediation/cases/',
  'arbitration-case': '/api/v1/arbitration/cases/',
  'inspection-case': '/api/v1/inspection/cases/',
};

/** A worker's message about their complaint opens their case file: its step, next step, deadlines and timeline. */
const WORKER_SUBJECT_LINKS: Readonly<Record<string, string>> = { complaint: '/api/v1/my/cases/' };

/** The text as sent: the template with the stored variables; the bare template text if they no longer fit it. */
function textOf(template: string, params: Readonly<Record<string, string>> | null): string {
  if (!isTemplateId(template)) return template;
  if (!params) return TEMPLATES[template].text;
  try {
    return renderTemplate(template, params).text;
  } catch {
    return TEMPLATES[template].text;
  }
}

/**
 * What an inbox shows for a stored message: its text from the catalogue (templates.ts) with its variables (the
 * template code itself for a template this version no longer knows) and the API path of its subject (null when the
 * subject is of no linkable kind): for a worker's message about their complaint, their case file.
 */
export function describeInApp(
  template: string,
  subjectRef: string,
  params: Readonly<Record<string, string>> | null = null,
): { text: string; link: string | null } {
  const text = textOf(template, params);
  const colon = subjectRef.indexOf(':');
  const kind = colon > 0 ? subjectRef.slice(0, colon) : '';
  const id = subjectRef.slice(colon + 1);
  const links =
    isTemplateId(template) &&
    TEMPLATES[template].audience === 'WORKER' &&
    Object.hasOwn(WORKER_SUBJECT_LINKS, kind)
      ? WORKER_SUBJECT_LINKS
      : SUBJECT_LINKS;
  const base = Object.hasOwn(links, kind) ? links[kind] : undefined;
  return { text, link: base && UUID_PATTERN.test(id) ? `${base}${id}` : null };
}
