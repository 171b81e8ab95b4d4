import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { decodeCursor, encodeCursor } from '../common/http/pagination';
import { assertVersion } from '../common/versioned-transition';
import { TransactionRunner } from '../database/transaction';
import { UsersService } from '../auth/users.service';
import type { InAppTemplate } from '../notifications/in-app-messages';
import { NotificationsService } from '../notifications/notifications.service';
import type { RiskWarning } from './entities/risk-warning.entity';
import { seesRiskOf, UNSCOPED_ROLES } from './risk-scope';
import { RiskRepository } from './risk.repository';
import {
  highestLevels,
  RED_ACKNOWLEDGE_WITHIN_MS,
  type RiskKind,
  type RiskLevel,
  type WarningStatus,
} from './risk.rules';
import { allowedWarningActions, mayActOnWarning, nextWarningStatus, type WarningAction } from './risk.state';

export interface WarningView {
  id: string;
  employerId: string;
  employerName: string;
  street: string | null;
  kind: RiskKind;
  level: RiskLevel;
  status: WarningStatus;
  ruleSetVersion: number;
  asOf: string;
  raisedAt: string;
  updatedAt: string;
  redSince: string | null;
  escalatedAt: string | null;
  disposal: string | null;
  version: number;
  hits: {
    ruleId: string;
    level: RiskLevel;
    basis: string;
    explanation: string;
    facts: Record<string, unknown>;
  }[];
}

export interface WarningEventView {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: { userId: string | null; role: string | null };
  data: object;
  occurredAt: string;
}

/** The event of a red warning whose street no active supervisor covers (or that has no street). */
const UNROUTED = 'ESCALATION_UNROUTED';

/** Warnings: lists scoped to the caller's jurisdictions, the lifecycle, and escalation of unacknowledged reds. */
@Injectable()
export class RiskWarningsService {
  private readonly logger = new Logger(RiskWarningsService.name);
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RiskRepository,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * The highest level among each employer's open warnings (employers without one are absent): what the
   * inspection plans weigh a random draw by (双随机, inspection/plans).
   */
  async highestOpenLevels(
    em: EntityManager,
    employerIds: readonly string[],
  ): Promise<Map<string, RiskLevel>> {
    if (employerIds.length === 0) return new Map();
    return highestLevels(await this.repo.openWarningLevels(em, employerIds));
  }

  async list(
    viewer: Principal,
    q: {
      level?: RiskLevel;
      kind?: RiskKind;
      street?: string;
      status?: WarningStatus;
      cursor?: string;
      limit?: number;
    },
  ): Promise<{ items: WarningView[]; nextCursor: string | null }> {
    const limit = q.limit ?? 20;
    const c = decodeCursor(q.cursor);
    const rows = await this.repo.listWarnings(this.tx.manager, {
      prefixes: UNSCOPED_ROLES.has(viewer.role) ? null : viewer.jurisdictions,
      level: q.level,
      kind: q.kind,
      street: q.street,
      status: q.status,
      cursor: c ? { updatedAt: c.createdAt, id: c.id } : undefined,
      limit,
    });
    const items = rows.slice(0, limit).map((r) => toView(r, r.employer_name));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.updatedAt, id: last.id }) : null,
    };
  }

  async get(viewer: Principal, id: string): Promise<WarningView & { events: WarningEventView[] }> {
    const w = await this.visible(viewer, id);
    const em = this.tx.manager;
    const events = await this.repo.events(em, id);
    return {
      ...toView(w, await this.repo.employerName(em, w.employerId)),
      events: events.map((e) => ({
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actor: { userId: e.actorUserId, role: e.actorRole },
        data: e.data,
        occurredAt: e.occurredAt.toISOString(),
      })),
    };
  }

  /** ACKNOWLEDGE / START_HANDLING / CLOSE (with the disposal), optimistic on `version`, recorded with who did it. */
  async transition(
    viewer: Principal,
    id: string,
    action: WarningAction,
    p: { version: number; note?: string; disposal?: string },
  ): Promise<WarningView & { events: WarningEventView[] }> {
    await this.visible(viewer, id);
    if (action === 'CLOSE' && !p.disposal?.trim())
      throw AppException.validation([
        fieldError(
          'disposal',
          'isDefined',
          '关闭预警须填写处置情况',
          'closing a warning records its disposal',
        ),
      ]);
    await this.tx.run(async (em) => {
      const w = (await this.repo.findWarning(em, id, true))!;
      // A mediator acknowledging or closing a crime-threshold warning would silence its escalation.
      if (!mayActOnWarning(viewer.role, { kind: w.kind, hits: w.hits as { ruleId: string }[] }))
        throw AppException.forbidden(
          'RISK_WARNING_CRIME_RESERVED',
          'A warning of a suspected wage crime is handled by inspectors or supervisors',
        );
      // 409 STALE_VERSION with details {version}, as every versioned write answers (docs/state-machines.md).
      assertVersion('The warning', w.version, p.version);
      const to = nextWarningStatus(w.status, action);
      if (!to)
        throw AppException.conflict('ILLEGAL_TRANSITION', `Cannot ${action} a warning that is ${w.status}`, {
          status: w.status,
          action,
          allowed: allowedWarningActions(w.status),
        });
      const from = w.status;
      w.status = to;
      if (to === 'CLOSED') {
        w.disposal = p.disposal!.trim();
        w.closedAt = new Date();
      }
      await this.repo.saveWarning(em, w);
      await this.repo.appendEvent(em, {
        warningId: id,
        action,
        fromStatus: from,
        toStatus: to,
        actorUserId: viewer.userId,
        actorRole: viewer.role,
        data: { ...(p.note ? { note: p.note } : {}), ...(to === 'CLOSED' ? { disposal: w.disposal } : {}) },
      });
    });
    return this.get(viewer, id);
  }

  /**
   * A RED warning still NEW two hours after it turned red goes to the supervisors of its jurisdiction: an in-app
   * notification per supervisor (staff accounts carry no phone number, so no SMS), and an ESCALATED event.
   * Runs every 10 minutes; `now` is explicit for tests. Each warning escalates once per red episode. A warning
   * that reaches nobody (no street, or no active supervisor covers it) is not marked escalated, so the next sweep
   * tries again; it gets one ESCALATION_UNROUTED event per red episode and a log line, for the operators.
   */
  async escalateOverdue(now: Date = new Date()): Promise<{ escalated: string[]; unrouted: string[] }> {
    const escalated: string[] = [];
    const unrouted: string[] = [];
    await this.tx.run(async (em) => {
      const overdue = await this.repo.overdueRed(em, new Date(now.getTime() - RED_ACKNOWLEDGE_WITHIN_MS));
      for (const w of overdue) {
        const supervisors = await this.notifySupervisors(em, w, 'RISK_RED_UNACKNOWLEDGED', 'risk-escalate');
        if (supervisors.length === 0) {
          unrouted.push(w.id);
          continue;
        }
        w.escalatedAt = now;
        await this.repo.saveWarning(em, w);
        await this.repo.appendEvent(em, {
          warningId: w.id,
          action: 'ESCALATED',
          fromStatus: null,
          toStatus: null,
          actorUserId: null,
          actorRole: null,
          data: { supervisorUserIds: supervisors, redSince: w.redSince?.toISOString(), street: w.streetCode },
        });
        escalated.push(w.id);
      }
    });
    return { escalated, unrouted };
  }

  /**
   * A warning already ACKNOWLEDGED or HANDLING that turned RED (in the scoring's transaction): the 2-hour escalation
   * covers NEW warnings only, so the street's supervisors are told now (RISK_RED_IN_HANDLING, once per red episode)
   * and a RED_NOTIFIED event records whom.
   */
  async notifyTurnedRed(
    em: EntityManager,
    w: Pick<RiskWarning, 'id' | 'streetCode' | 'redSince'>,
  ): Promise<void> {
    const supervisors = await this.notifySupervisors(em, w, 'RISK_RED_IN_HANDLING', 'risk-red');
    if (supervisors.length)
      await this.repo.appendEvent(em, {
        warningId: w.id,
        action: 'RED_NOTIFIED',
        fromStatus: null,
        toStatus: null,
        actorUserId: null,
        actorRole: null,
        data: { supervisorUserIds: supervisors, redSince: w.redSince?.toISOString(), street: w.streetCode },
      });
  }

  /**
   * Tells the active supervisors covering the warning's street (the auth module's query, in id order) through
   * their inbox; returns them. Nobody to tell (no street, or no supervisor covers it): an ESCALATION_UNROUTED event
   * once per red episode and a warning in the log (ids and street only), so the operators can route it.
   */
  async notifySupervisors(
    em: EntityManager,
    w: Pick<RiskWarning, 'id' | 'streetCode' | 'redSince'>,
    template: InAppTemplate,
    dedupPrefix: string,
  ): Promise<string[]> {
    const supervisors = w.streetCode
      ? (await this.users.staffCovering(em, 'SUPERVISOR', w.streetCode)).sort()
      : [];
    for (const userId of supervisors)
      await this.notifications.recordInApp(em, {
        recipientUserId: userId,
        // One message per supervisor and red episode (a warning may turn red again after it dropped).
        dedupKey: `${dedupPrefix}:${w.id}:${userId}${w.redSince ? `@${new Date(w.redSince).getTime()}` : ''}`,
        template,
        subjectRef: `risk-warning:${w.id}`,
      });
    if (supervisors.length === 0 && !(await this.repo.hasEventSince(em, w.id, UNROUTED, w.redSince))) {
      await this.repo.appendEvent(em, {
        warningId: w.id,
        action: UNROUTED,
        fromStatus: null,
        toStatus: null,
        actorUserId: null,
        actorRole: null,
        data: { template, street: w.streetCode, redSince: w.redSince?.toISOString() ?? null },
      });
      this.logger.warn(
        { warningId: w.id, street: w.streetCode, template },
        'red warning reaches no supervisor',
      );
    }
    return supervisors;
  }

  /** A warning the caller may not see is 404, as if it did not exist. */
  private async visible(viewer: Principal, id: string): Promise<RiskWarning> {
    const w = await this.repo.findWarning(this.tx.manager, id);
    if (!w || !seesRiskOf(viewer, w.streetCode))
      throw AppException.notFound('RISK_WARNING_NOT_FOUND', 'No such risk warning');
    return w;
  }
}

function toView(w: RiskWarning, employerName: string): WarningView {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: w.id,
    employerId: w.employerId,
    employerName,
    street: w.streetCode,
    kind: w.kind,
    level: w.level,
    status: w.status,
    ruleSetVersion: w.ruleSetVersion,
    asOf: w.asOf,
    raisedAt: iso(w.raisedAt)!,
    updatedAt: iso(w.updatedAt)!,
    redSince: iso(w.redSince),
    escalatedAt: iso(w.escalatedAt),
    disposal: w.disposal,
    version: w.version,
    hits: w.hits as WarningView['hits'],
  };
}
