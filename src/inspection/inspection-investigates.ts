import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { EmployerInvestigations } from '../reference/employer-investigations';
import { InspectionRepository } from './inspection.repository';

/**
 * Tells the register who investigates an employer: the staff whose jurisdiction covers an open inspection case about
 * it (立案, not closed), an inspector who declared a conflict with it excepted (回避, 劳动保障监察条例 第十六条). They
 * verify its identity against its business licence (第十五条) and may confirm its provisional name.
 */
@Injectable()
export class InspectionInvestigates implements OnModuleInit {
  constructor(
    private readonly investigations: EmployerInvestigations,
    private readonly repo: InspectionRepository,
  ) {}

  onModuleInit(): void {
    this.investigations.register((em, viewer, employerId) => this.investigates(em, viewer, employerId));
  }

  private async investigates(em: EntityManager, viewer: Principal, employerId: string): Promise<boolean> {
    if (viewer.role !== 'INSPECTOR' && viewer.role !== 'SUPERVISOR') return false;
    const streets = await this.repo.openCaseStreetsOf(em, employerId);
    if (!streets.some((s) => coversJurisdiction(viewer, s))) return false;
    return viewer.role !== 'INSPECTOR' || !(await this.repo.hasConflict(em, viewer.userId, employerId));
  }
}
