import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InspectionCase } from './entities';
import { assertFindingsCoverRecovered } from './inspection-bounds';
import { InspectionColleagues } from './inspection-colleagues';
import { findingChanges, recordsFindings, type Findings } from './inspection-findings.rules';

/**
 * Findings recorded by any act (the record of an investigation, an order to rectify): made by at least two different
 * inspectors the case accepts (劳动保障监察条例 第十六条, through InspectionColleagues.assertNamed: 400 otherwise), who
 * join the case's assigned inspectors; no less than what was already recovered (409). An act that records none (no
 * finding, no inspectors named) changes nothing here.
 */
@Injectable()
export class InspectionFindings {
  constructor(private readonly colleagues: InspectionColleagues) {}

  async record(
    em: EntityManager,
    c: InspectionCase,
    f: Findings & { inspectorIds?: string[] },
  ): Promise<{ changes: Partial<InspectionCase>; data: Record<string, unknown> }> {
    if (!recordsFindings(f)) return { changes: {}, data: {} };
    await this.colleagues.assertNamed(em, c, f.inspectorIds ?? [], true);
    const changes = findingChanges(f);
    assertFindingsCoverRecovered(c, {
      arrearsFen: changes.arrearsFen ?? c.arrearsFen,
      workersAffected: changes.workersAffected ?? c.workersAffected,
    });
    const assignedInspectorIds = [...new Set([...c.assignedInspectorIds, ...(f.inspectorIds ?? [])])];
    return {
      changes: { ...changes, assignedInspectorIds },
      data: { ...changes, inspectorIds: f.inspectorIds },
    };
  }
}
