import type { Objects } from './fixtures';
import { sampleValue, type OpenApiDocument, type Operation } from './openapi-ops';

/** Which object a path parameter names, by path prefix (first match wins). */
const PARAMS: [RegExp, string, (o: Objects) => string | undefined][] = [
  [/^\/api\/v1\/complaints\/\{id\}\/attachments\/\{attachmentId\}/, 'attachmentId', (o) => o.attachment],
  [/^\/api\/v1\/complaints\/\{id\}/, 'id', (o) => o.complaint],
  [/^\/api\/v1\/my\/cases\/\{id\}/, 'id', (o) => o.complaint],
  [/^\/api\/v1\/reports\/\{trackingNo\}/, 'trackingNo', (o) => o.report?.trackingNo],
  [/^\/api\/v1\/collective-disputes\/\{id\}/, 'id', (o) => o.collectiveDispute],
  [/^\/api\/v1\/mediation\/cases\/\{id\}/, 'id', (o) => o.mediationCase],
  [/^\/api\/v1\/mediation\/\{id\}\/escalate/, 'id', (o) => o.mediationCase],
  [/^\/api\/v1\/arbitration\/cases\/\{id\}/, 'id', (o) => o.arbitrationCase],
  [
    /^\/api\/v1\/inspection\/cases\/\{id\}\/documents\/\{documentId\}/,
    'documentId',
    (o) => o.inspectionDocument,
  ],
  [/^\/api\/v1\/inspection\/cases\/\{id\}/, 'id', (o) => o.inspectionCase],
  [/^\/api\/v1\/filings\/layoffs\/\{id\}/, 'id', (o) => o.layoff],
  [/^\/api\/v1\/filings\/closures\/\{id\}/, 'id', (o) => o.closure],
  [/^\/api\/v1\/filings\/collective-contracts\/\{id\}/, 'id', (o) => o.collectiveContract],
  [/^\/api\/v1\/filings\/harmonious-enterprises\/\{id\}/, 'id', (o) => o.harmonious],
  [/^\/api\/v1\/employers\/\{id\}/, 'id', (o) => o.employer],
  [/^\/api\/v1\/compliance\/employers\/\{employerId\}/, 'employerId', (o) => o.employer],
  [/^\/api\/v1\/compliance\/violations\/\{id\}/, 'id', (o) => o.violation],
  [/^\/api\/v1\/compliance\/blacklist-notices\/\{id\}/, 'id', (o) => o.blacklistNotice],
  [/^\/api\/v1\/risk\/warnings\/\{id\}/, 'id', (o) => o.warning],
  [/^\/api\/v1\/risk\/employers\/\{employerId\}/, 'employerId', (o) => o.employer],
  [/^\/api\/v1\/risk\/runs\/\{id\}/, 'id', (o) => o.riskRun],
  [/^\/api\/v1\/risk\/rule-sets\/\{version\}/, 'version', () => '1'],
  [/^\/api\/v1\/deadlines\/\{clockId\}/, 'clockId', (o) => o.clock],
  [/^\/api\/v1\/admin\/users\/\{id\}/, 'id', (o) => o.staffUser],
  [/^\/api\/v1\/admin\/organisations\/\{id\}/, 'id', (o) => o.organisation],
  [/^\/api\/v1\/calendar\/years\/\{year\}/, 'year', () => '2026'],
  [/^\/api\/v1\/notifications\/\{id\}/, 'id', (o) => o.staffNotification],
  [/^\/api\/v1\/my\/notifications\/\{id\}/, 'id', (o) => o.workerNotification],
  [/^\/api\/v1\/admin\/queues\/\{queue\}/, 'queue', () => 'notifications'],
  [/^\/api\/v1\/admin\/sweeps\/\{name\}/, 'name', () => 'mediation-reminders'],
];

/** A well-formed id of nothing (UUIDv7 layout), for parameters with no object behind them. */
export const NO_OBJECT = '01900000-0000-7000-8000-000000000000';

/**
 * The URL of an operation with its path parameters pointing at the objects of street A; `unbacked` lists the
 * parameters that had no object (they get NO_OBJECT, so every caller meets a 404 there).
 */
export function urlFor(op: Operation, objects: Objects): { url: string; unbacked: string[] } {
  const unbacked: string[] = [];
  let url = op.path;
  for (const name of op.pathParams) {
    const hit = PARAMS.find(([re, param]) => param === name && re.test(op.path));
    const value = hit?.[2](objects);
    if (!value) unbacked.push(name);
    url = url.replace(`{${name}}`, encodeURIComponent(value ?? NO_OBJECT));
  }
  return { url, unbacked };
}

/** The headers an operation needs besides the token (the report's access code). */
export function headersFor(op: Operation, objects: Objects): Record<string, string> {
  return op.headers.some((h) => h.toLowerCase() === 'x-access-code') && objects.report
    ? { 'x-access-code': objects.report.accessCode }
    : {};
}

/** Ids of street A's objects by the property names request bodies use. */
export function bodyHints(objects: Objects): Record<string, string | undefined> {
  return {
    complaintId: objects.complaint,
    employerId: objects.employer,
    caseId: objects.mediationCase,
    violationId: objects.violation,
    streetCode: '310115005',
    jurisdictionCode: '310115005',
    workplaceStreetCode: '310115005',
  };
}

/**
 * Fields the document cannot express (conditional requirements of the validators), merged over the sample body so
 * that the body passes validation and the request reaches the object lookup.
 */
const BODY_PATCHES: Record<string, Record<string, unknown>> = {
  DeadlinesController_addEvent: { type: 'PAUSE', reason: '公告送达' },
  ComplaintsController_reject: { referTo: '上海市闵行区人力资源和社会保障局劳动保障监察支队' },
  MediationController_scheduleSession: { place: '街道调解室', startsAt: '2099-12-01T09:30:00+08:00' },
  MediationController_extend: { days: 5, workerAgreed: true, employerAgreed: true },
  MediationController_close: { outcome: 'FAILED' },
  ArbitrationController_close: {
    closureType: 'WITHDRAWN',
    withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
  },
  ComplianceController_updateFacts: { migrantWorkers: true },
  FilingsController_fileLayoff: {
    headcountCut: 25,
    totalHeadcount: 500,
    layoffOn: '2099-01-15',
    unionOrStaffNotifiedOn: '2026-01-05',
    grounds: ['SEVERE_DIFFICULTY'],
    consultationRecord: '工会座谈会记录',
  },
};

/** A body for the operation that passes validation where the document and the patches allow. */
export function sampleBody(doc: OpenApiDocument, op: Operation, objects: Objects): unknown {
  if (!op.jsonBody) return undefined;
  const base = sampleValue(doc, op.jsonBody, '', bodyHints(objects));
  const patch = BODY_PATCHES[op.operationId];
  return patch && base && typeof base === 'object' ? { ...base, ...patch } : base;
}
