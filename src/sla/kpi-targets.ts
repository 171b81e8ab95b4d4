import type { FactCaseType } from './sla-facts.sql';

/**
 * The proceedings a case event concerns, for the KPI read model: the event's own case when it is a proceeding,
 * or the proceeding named in its data. An event concerning none (a complaint's intake, an employer's record)
 * needs no KPI job.
 */
export function kpiTargetsOf(event: {
  caseType: string;
  caseId: string;
  data: Record<string, unknown> | null;
}): { type: FactCaseType; id: string }[] {
  const out: { type: FactCaseType; id: string }[] = [];
  if (event.caseType === 'ARBITRATION' || event.caseType === 'MEDIATION' || event.caseType === 'INSPECTION')
    out.push({ type: event.caseType, id: event.caseId });
  const ref = (k: string) => (typeof event.data?.[k] === 'string' ? event.data[k] : null);
  const arb = ref('arbitrationCaseId');
  const med = ref('mediationCaseId');
  const insp = ref('inspectionCaseId');
  if (arb) out.push({ type: 'ARBITRATION', id: arb });
  if (med) out.push({ type: 'MEDIATION', id: med });
  if (insp) out.push({ type: 'INSPECTION', id: insp });
  return out.filter((t, i) => out.findIndex((o) => o.type === t.type && o.id === t.id) === i);
}
