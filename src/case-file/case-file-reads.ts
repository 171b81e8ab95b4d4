import type { EntityManager } from 'typeorm';
import { AuditService, type CaseEventView } from '../audit/audit.service';
import { mapRead } from '../database/entity-rows';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { INSPECTION_CASE_TYPE } from '../inspection/inspection.constants';
import type { InspectionStep } from '../inspection/inspection-case-file.service';
import type { Proceeding } from './case-file-words';
import { eventLabel } from './timeline-words';
import type { MyTimelineEntryDto } from './dto/my-case.dto';

/** The case file's second round trip: every case's clocks and the timeline, as reads for readTogether. */

/** The clocks of the complaint and of every case of the file, each with its proceeding. */
export function clocksRead(
  deadlines: DeadlinesService,
  em: EntityManager,
  complaintId: string,
  mediations: readonly { id: string }[],
  arbitrations: readonly { id: string }[],
  inspections: readonly { id: string }[],
) {
  const cases = [
    { proceeding: 'COMPLAINT', caseType: 'COMPLAINT', caseId: complaintId },
    ...mediations.map((m) => ({ proceeding: 'MEDIATION', caseType: 'MEDIATION', caseId: m.id })),
    ...arbitrations.map((a) => ({ proceeding: 'ARBITRATION', caseType: 'ARBITRATION', caseId: a.id })),
    ...inspections.map((i) => ({ proceeding: 'INSPECTION', caseType: INSPECTION_CASE_TYPE, caseId: i.id })),
  ];
  return mapRead(deadlines.forCaseRefsRead(em, cases), (clocks): { proceeding: string; clock: ClockView }[] =>
    cases.flatMap((c, i) => clocks[i].map((clock) => ({ proceeding: c.proceeding, clock }))),
  );
}

/**
 * The complaint's timeline (mediation and arbitration write theirs onto it) and the inspection cases' steps,
 * oldest first, each labelled. Inspection entries carry no details: the investigation file is the brigade's.
 */
export function timelineRead(
  audit: AuditService,
  em: EntityManager,
  complaintId: string,
  inspections: readonly InspectionStep[],
  proceedings: readonly { id: string; complaintId: string }[],
) {
  const entry = (e: CaseEventView, proceeding: Proceeding, data: Record<string, unknown>) => ({
    ...e,
    proceeding,
    label: eventLabel(e.action),
    data,
  });
  // The events of a collective dispute's case are on the timeline of the member it was opened from.
  const group = proceedings.filter((p) => p.complaintId !== complaintId);
  const groupIds = new Set(group.map((p) => p.id));
  const leads = [...new Set(group.map((p) => p.complaintId))];
  const cases = [
    { caseType: 'COMPLAINT', caseId: complaintId },
    ...leads.map((caseId) => ({ caseType: 'COMPLAINT', caseId })),
    ...inspections.map((i) => ({ caseType: INSPECTION_CASE_TYPE, caseId: i.id })),
  ];
  return mapRead(audit.timelinesRead(em, cases), ([ownEvents, ...rest]): MyTimelineEntryDto[] => {
    const own = ownEvents.map((e) => entry(e, proceedingOf(e), e.data));
    for (const e of rest.slice(0, leads.length).flat())
      if (groupIds.has(caseIdOf(e))) own.push(entry(e, proceedingOf(e), e.data));
    const inspection = rest
      .slice(leads.length)
      .flat()
      .map((e) => entry(e, 'INSPECTION', {}));
    return [...own, ...inspection].sort((a, b) =>
      a.occurredAt === b.occurredAt ? 0 : a.occurredAt < b.occurredAt ? -1 : 1,
    );
  });
}

/** The mediation or arbitration case a complaint-timeline event is about ('' for the complaint's own events). */
function caseIdOf(e: CaseEventView): string {
  const id = e.data.mediationCaseId ?? e.data.arbitrationCaseId;
  return typeof id === 'string' ? id : '';
}

/** Which proceeding a complaint-timeline event belongs to (mediation and arbitration events carry their case id). */
function proceedingOf(e: CaseEventView): Proceeding {
  if (e.action.startsWith('ARBITRATION_') || e.action === 'ESCALATED_TO_ARBITRATION') return 'ARBITRATION';
  if (e.action.startsWith('MEDIATION_')) return 'MEDIATION';
  return 'COMPLAINT';
}
