import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReadMemo } from '../database/read-memo';
import { NotificationsService } from '../notifications/notifications.service';
import type { SmsTemplateId } from '../notifications/templates';
import type { EmployerContactDto } from './dto/employer-contact.dto';
import type { Employer, EmployerSource } from './entities/employer.entity';
import { ReferenceRepository } from './reference.repository';

export interface EmployerInput {
  name: string;
  uscc?: string;
  address?: string;
  /** The number a party gave: their statement, kept on their complaint; never written to the register. */
  contactPhone?: string;
  /** Recorded on a newly created employer (default COMPLAINT). */
  source?: EmployerSource;
}

/** Sources whose name is the register's (a register import, a filing entered by staff); a party's is provisional. */
const VERIFIED_SOURCES: ReadonlySet<EmployerSource> = new Set(['REGISTER', 'FILING']);

/** Whitespace and full-width forms folded, so "上海某某 有限公司" and "上海某某有限公司" are one employer. */
export function normaliseEmployerName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
}

/**
 * How long a read outside a transaction (a view) trusts an employer this process read by id. Every complaint view and
 * list names its employers (id, name, USCC), and an employer's row changes rarely: a contact number staff
 * confirmed, a filing confirming its name, a register import that renames or reclassifies it. Lists read the names once a minute instead of on every
 * page (issue 17: one of the four statements of a complaints list); an edit shows at once in the process that made
 * it, in the others' views within this time; a read inside a transaction (intake, a proceeding's opening) always
 * reads the row.
 */
const EMPLOYER_TRUST_MS = 60_000;
/** At most this many employers kept (a few hundred bytes each), the longest held dropped first. */
const MAX_KNOWN_EMPLOYERS = 10_000;

/** The employers register. Unknown employers named in complaints are created on the fly. */
@Injectable()
export class EmployersService {
  private readonly known = new ReadMemo<Employer>(EMPLOYER_TRUST_MS, (e) => e.id, MAX_KNOWN_EMPLOYERS);

  constructor(
    private readonly repo: ReferenceRepository,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Finds the employer by USCC, or (without USCC) by normalised name among employers without USCC; creates it
   * if absent. Concurrent calls converge on one row (ON CONFLICT on the unique indexes).
   *
   * What a complainant or reporter types is their statement, kept on their complaint: it never changes an existing
   * row, and a row it creates carries its name as provisional (`nameConfirmed` false) and no contact number (an
   * anonymous report no address either). A verified source (FILING) names the register's employer: it creates the
   * row confirmed, or confirms a provisional name with its own.
   */
  async findOrCreate(em: EntityManager, input: EmployerInput): Promise<Employer> {
    const nameNormalised = normaliseEmployerName(input.name);
    const source = input.source ?? 'COMPLAINT';
    const verified = VERIFIED_SOURCES.has(source);
    const existing = await this.repo.findEmployer(em, input.uscc, nameNormalised);
    if (existing) {
      if (verified && !existing.nameConfirmed) {
        await this.repo.confirmName(em, existing.id, input.name.trim(), nameNormalised, {
          onlyIfProvisional: true,
        });
        this.known.forget(existing.id);
        Object.assign(existing, { name: input.name.trim(), nameNormalised, nameConfirmed: true });
      }
      return existing;
    }
    await this.repo.insertEmployerIfAbsent(em, {
      uscc: input.uscc ?? null,
      name: input.name.trim(),
      nameNormalised,
      address: source === 'REPORT' ? null : input.address?.trim() || null,
      source,
      nameConfirmed: verified,
    });
    return (await this.repo.findEmployer(em, input.uscc, nameNormalised))!;
  }

  /**
   * Staff confirmed `phone` as the employer's contact number (on a case they handle; the caller records the event
   * there): the employer's SMS go to it from now on. Callers forget the employer again once committed.
   */
  async confirmContactPhone(
    em: EntityManager,
    id: string,
    phone: string,
    by: string,
  ): Promise<EmployerContactDto> {
    const at = await this.repo.confirmContactPhone(em, id, phone, by);
    this.known.forget(id);
    return { employerId: id, contactPhone: phone, confirmedAt: at.toISOString() };
  }

  /** One employer of the register, or null for an unknown id (as `byIds`). */
  async byId(em: EntityManager, id: string): Promise<Employer | null> {
    return (await this.byIds(em, [id])).get(id) ?? null;
  }

  /**
   * A batch of employers by id, keyed by id (unknown ids left out). Outside a transaction those read less than
   * EMPLOYER_TRUST_MS ago come from this process's memory (ReadMemo), the others from one query. The objects are
   * shared: callers read them, never change them. (The reminder SMS reads its employer's contact phone itself.)
   */
  byIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, Employer>> {
    return this.known.byIds(em, ids, (missing) => this.repo.employersByIds(em, missing));
  }

  /** Drops employers this process may hold (after an edit of them has committed). */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.known.forget(id);
  }

  /**
   * Job handler body: an SMS to the employer's contact (reminders), at most once per dedupKey. It is filed under the
   * case it is about (`subjectRef`), so an undeliverable one reaches that case's staff (undelivered-sms.ts); a job
   * queued without one, under the employer, of which nobody is in charge.
   */
  async notify(p: {
    employerId: string;
    template: SmsTemplateId;
    dedupKey: string;
    params: Record<string, string>;
    subjectRef?: string;
  }): Promise<void> {
    const e = (await this.repo.employersByIds(this.dataSource.manager, [p.employerId]))[0];
    if (!e) return;
    const n = {
      dedupKey: p.dedupKey,
      template: p.template,
      subjectRef: p.subjectRef ?? `employer:${e.id}`,
      params: p.params,
    };
    // Only a number staff confirmed: one a party typed (a reporter's above all) may be anyone's. Without one the
    // case's staff are told to serve the notice another way (SMS_UNDELIVERED): 号码未核实 when a number is on record
    // unconfirmed (staff may confirm it), 无手机号码 when there is none.
    if (e.contactPhone && e.contactPhoneConfirmedAt)
      await this.notifications.sendSmsOnce({ ...n, phone: e.contactPhone });
    else if (e.contactPhone)
      await this.notifications.recordUndeliverable(n, {
        reason: 'PHONE_UNCONFIRMED',
        detail: 'the contact number on record was never confirmed by staff',
      });
    else
      await this.notifications.recordUndeliverable(n, {
        reason: 'NO_PHONE',
        detail: 'no contact number on record for the employer',
      });
  }
}
