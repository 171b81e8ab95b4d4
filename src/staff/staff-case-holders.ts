import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import type { ColleagueProceeding } from './colleagues';
import type { StaffChangeCause } from './staff.rules';

/** An open case a staff change took from its holder: to a remaining colleague (`toUserId`), or to the body (null). */
export interface CaseHandedOver {
  proceeding: ColleagueProceeding;
  id: string;
  caseNo: string | null;
  toUserId: string | null;
}

/** A change of an account that may take open cases from it: who made it, whose account, and why. */
export interface StaffChange {
  actor: Principal;
  userId: string;
  cause: StaffChangeCause;
}

/**
 * What the module owning a proceeding does when an account changed so that it may no longer act on the open cases it
 * holds (deactivated, another role, organisation or jurisdictions): runs in the change's transaction after the account
 * row is written (so "who may act" already reads the new state), hands each such case over and records why.
 */
export interface CaseHolderSource {
  handOver(em: EntityManager, change: StaffChange): Promise<CaseHandedOver[]>;
}

/**
 * The proceedings whose open cases name the staff member who acts on them. The staff module sits below the
 * proceedings: each registers at start (as with Colleagues), and this reads no domain's tables.
 */
@Injectable()
export class StaffCaseHolders {
  private readonly sources = new Map<ColleagueProceeding, CaseHolderSource>();

  register(proceeding: ColleagueProceeding, source: CaseHolderSource): void {
    if (this.sources.has(proceeding)) throw new Error(`case holders of ${proceeding} registered twice`);
    this.sources.set(proceeding, source);
  }

  /** Every proceeding hands over the cases the account may no longer act on; all of them, in registration order. */
  async handOver(em: EntityManager, change: StaffChange): Promise<CaseHandedOver[]> {
    const all: CaseHandedOver[] = [];
    for (const source of this.sources.values()) all.push(...(await source.handOver(em, change)));
    return all;
  }
}
