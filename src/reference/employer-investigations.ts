import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';

/** Whether `viewer` investigates the employer now (a proceeding's answer: an open case of theirs about it). */
export type InvestigatesEmployer = (
  em: EntityManager,
  viewer: Principal,
  employerId: string,
) => Promise<boolean>;

/**
 * Who investigates an employer, as the proceedings that do register it (the reference module reads no domain's
 * tables: the inspection module registers its open cases). It lets the staff of such a case confirm the name of an
 * employer registered in no street — one known only from complaints or reports, whose name is provisional.
 */
@Injectable()
export class EmployerInvestigations {
  private readonly checks: InvestigatesEmployer[] = [];

  register(check: InvestigatesEmployer): void {
    this.checks.push(check);
  }

  async investigates(em: EntityManager, viewer: Principal, employerId: string): Promise<boolean> {
    for (const check of this.checks) if (await check(em, viewer, employerId)) return true;
    return false;
  }
}
