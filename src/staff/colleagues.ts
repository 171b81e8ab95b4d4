import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import type { StaffRef } from './staff-directory';
import { StaffDirectory } from './staff-directory.service';

/** The proceedings whose acts name colleagues by user id (inspectorIds, arbitratorIds, mediatorUserId). */
export const COLLEAGUE_PROCEEDINGS = ['INSPECTION', 'ARBITRATION', 'MEDIATION'] as const;
export type ColleagueProceeding = (typeof COLLEAGUE_PROCEEDINGS)[number];

/** The directory operation, as the 400 of an act naming colleagues points to it. */
export const COLLEAGUES_PATH = '/api/v1/staff/colleagues';

/**
 * Where a client finds the ids an act of a proceeding accepts (the case's id when known, else a placeholder): named
 * in the 400 of a call that named too few or an unacceptable colleague.
 */
export function colleaguesLink(proceeding: ColleagueProceeding, caseId?: string): string {
  return `${COLLEAGUES_PATH}?proceeding=${proceeding}&caseId=${caseId ?? '{caseId}'}`;
}

/**
 * At most this many colleagues are listed (a body's staff for one street: tens, never near it); a longer list says
 * `truncated` and the rest stay unnamed (docs/state-machines.md).
 */
export const MAX_COLLEAGUES = 500;

/**
 * What the module owning a proceeding answers for the directory: the role listed, the roles whose acts name
 * colleagues (others get 403 as the act would give them), and the ids its acts accept on a case this caller may act
 * on (404 with the proceeding's own code otherwise) — the very predicate its acts check, so the two cannot drift.
 */
export interface ColleagueSource {
  role: Role;
  actingRoles: readonly Role[];
  acceptable(em: EntityManager, viewer: Principal, caseId: string): Promise<string[]>;
}

/**
 * The directory of colleagues a case-handling act may name. The staff module sits below the proceedings: each
 * registers its source at start (as clock owners register with deadlines), and this reads no domain's tables.
 */
@Injectable()
export class Colleagues {
  private readonly sources = new Map<ColleagueProceeding, ColleagueSource>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly directory: StaffDirectory,
  ) {}

  register(proceeding: ColleagueProceeding, source: ColleagueSource): void {
    if (this.sources.has(proceeding)) throw new Error(`colleagues of ${proceeding} registered twice`);
    this.sources.set(proceeding, source);
  }

  /** The colleagues acceptable on the case, named as views name staff (never a username of a worker or a phone). */
  async list(
    viewer: Principal,
    proceeding: ColleagueProceeding,
    caseId: string,
  ): Promise<{ role: Role; items: StaffRef[]; truncated: boolean }> {
    const source = this.sources.get(proceeding);
    if (!source) throw new Error(`no colleague source registered for ${proceeding}`);
    if (!source.actingRoles.includes(viewer.role))
      throw AppException.forbidden('ROLE_NOT_ALLOWED', 'Your role may not do this');
    const em = this.tx.manager;
    const ids = await source.acceptable(em, viewer, caseId);
    const items = await this.directory.describeList(em, ids.slice(0, MAX_COLLEAGUES));
    return { role: source.role, items, truncated: ids.length > MAX_COLLEAGUES };
  }
}
