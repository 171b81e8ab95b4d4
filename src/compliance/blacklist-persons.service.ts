import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiAccessService } from '../audit/pii-access.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { fieldError, type FieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { maskIdNumber } from '../common/pii';
import { PiiCipher } from '../common/pii-crypto';
import { TransactionRunner } from '../database/transaction';
import { inForce, statementTiming } from './blacklist.rules';
import {
  personProblems,
  publicIdNumber,
  type NoticedPerson,
  type ResponsiblePerson,
} from './blacklist-persons.rules';
import { BlacklistPersonsRepository } from './blacklist-persons.repository';
import type {
  BlacklistPersonViewDto,
  NoticePersonViewDto,
  PersonLookupResultDto,
  PublicBlacklistPersonDto,
} from './dto/blacklist-persons.dto';

/** Who sees a listed person's ID number in full: the decider, who signs the 列入决定 naming them (platform rule). */
const SEES_ID_IN_FULL = new Set(['SUPERVISOR']);

/** What the audit trail keeps of a listed person: the role and the ID number's blind index, never name or number. */
export interface PersonRef {
  role: string;
  idNumberBidx: string;
}

/**
 * The persons listed with the employer (当事人, 人社部令第45号 第五条): checked, sealed (ID number encrypted with a blind
 * index), shown to staff (ID in full to SUPERVISOR, the read logged; masked to other roles) and to the public (name,
 * ID's last 4), and looked up by ID number. Nothing here logs a name or a number.
 */
@Injectable()
export class BlacklistPersonsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: BlacklistPersonsRepository,
    private readonly pii: PiiCipher,
    private readonly access: PiiAccessService,
  ) {}

  /** The field errors of the persons (第五条: a 法定代表人 or 主要负责人; one entry per ID number), for the 400. */
  fieldErrors(persons: readonly ResponsiblePerson[]): FieldError[] {
    return personProblems(persons).map((p) => fieldError(p.field, p.constraint, p.zh, p.en));
  }

  /** Records the persons of a new listing (in its transaction); returns what the audit event may keep of them. */
  async record(
    em: EntityManager,
    listingId: string,
    persons: readonly ResponsiblePerson[],
  ): Promise<PersonRef[]> {
    const rows = persons.map((p, position) => ({
      id: newId(),
      listingId,
      position,
      role: p.role,
      name: p.name,
      idNumberEnc: this.pii.encrypt(p.idNumber),
      idNumberBidx: this.pii.blindIndex('id_number', p.idNumber),
    }));
    await this.repo.insert(em, rows);
    return rows.map((r) => ({ role: r.role, idNumberBidx: r.idNumberBidx }));
  }

  /** The ID numbers' keys (blind indexes), in order: how a listing's persons are matched with a notice's. */
  keys(persons: readonly ResponsiblePerson[]): string[] {
    return persons.map((p) => this.pii.blindIndex('id_number', p.idNumber));
  }

  /** Records the persons a notice is served on (in its transaction); returns what the audit event may keep of them. */
  async recordNoticed(
    em: EntityManager,
    noticeId: string,
    persons: readonly ResponsiblePerson[],
  ): Promise<PersonRef[]> {
    const rows = persons.map((p, position) => ({
      id: newId(),
      noticeId,
      position,
      role: p.role,
      name: p.name,
      idNumberEnc: this.pii.encrypt(p.idNumber),
      idNumberBidx: this.pii.blindIndex('id_number', p.idNumber),
      statementOn: null,
      statementSummary: null,
    }));
    await this.repo.insertNoticed(em, rows);
    return rows.map((r) => ({ role: r.role, idNumberBidx: r.idNumberBidx }));
  }

  /** The persons a notice names, as the listing rule needs them (personNoticeRefusal). */
  async noticed(em: EntityManager, noticeId: string): Promise<NoticedPerson[]> {
    const rows = await this.repo.ofNotice(em, noticeId);
    return rows.map((r) => ({ key: r.idNumberBidx, statementOn: r.statementOn }));
  }

  /**
   * Records the statement of the person the notice names with this ID number (the notice locked by the caller):
   * null when it names nobody with it, `{ stated }` (the day) when they already stated, else what the audit event keeps.
   */
  async recordStatement(
    em: EntityManager,
    noticeId: string,
    idNumber: string,
    statement: { on: string; summary: string },
  ): Promise<PersonRef | { stated: string } | null> {
    const key = this.pii.blindIndex('id_number', idNumber);
    const p = (await this.repo.ofNotice(em, noticeId)).find((r) => r.idNumberBidx === key);
    if (!p) return null;
    if (p.statementOn) return { stated: p.statementOn };
    await this.repo.recordStatement(em, p.id, statement.on, statement.summary);
    return { role: p.role, idNumberBidx: key };
  }

  /**
   * The persons a notice names, ID numbers masked for every role: the response confirms whom it was served on; the
   * full number is read where a decision or a lookup needs it (staffViews, lookup), and logged there.
   */
  async noticeViews(
    em: EntityManager,
    notice: { id: string; noticedOn: string; statementDueOn: string },
  ): Promise<NoticePersonViewDto[]> {
    const rows = await this.repo.ofNotice(em, notice.id);
    return rows.map((r) => ({
      role: r.role,
      name: r.name,
      idNumber: maskIdNumber(this.pii.decrypt(r.idNumberEnc))!,
      statementOn: r.statementOn,
      statementLate: r.statementOn !== null && statementTiming(notice, r.statementOn) === 'LATE',
    }));
  }

  /** The persons of these listings as `viewer` may see them; a read showing ID numbers in full is logged. */
  async staffViews(
    em: EntityManager,
    viewer: Principal,
    listings: readonly { id: string; employerId: string }[],
  ): Promise<Map<string, BlacklistPersonViewDto[]>> {
    const rows = await this.repo.ofListings(
      em,
      listings.map((l) => l.id),
    );
    const full = SEES_ID_IN_FULL.has(viewer.role);
    if (full && rows.length) {
      const shown = new Set(rows.map((r) => r.listingId));
      await this.access.record(em, viewer, {
        caseType: 'EMPLOYER',
        caseIds: listings.filter((l) => shown.has(l.id)).map((l) => l.employerId),
        purpose: 'compliance.blacklist',
      });
    }
    const out = new Map<string, BlacklistPersonViewDto[]>(listings.map((l) => [l.id, []]));
    for (const r of rows) {
      const idNumber = this.pii.decrypt(r.idNumberEnc);
      out.get(r.listingId)?.push({
        role: r.role,
        name: r.name,
        idNumber: full ? idNumber : maskIdNumber(idNumber)!,
      });
    }
    return out;
  }

  /** The persons of listings on the public list: name and the ID number's last 4 characters. */
  async publicViews(listingIds: string[]): Promise<Map<string, PublicBlacklistPersonDto[]>> {
    const rows = await this.repo.ofListings(this.tx.manager, listingIds);
    const out = new Map<string, PublicBlacklistPersonDto[]>(listingIds.map((id) => [id, []]));
    for (const r of rows)
      out.get(r.listingId)?.push({
        role: r.role,
        name: r.name,
        idNumber: publicIdNumber(this.pii.decrypt(r.idNumberEnc)),
      });
    return out;
  }

  /** Is the person with this ID number listed? Every listing of them in the caller's jurisdiction; the read is logged. */
  async lookup(viewer: Principal, idNumber: string): Promise<PersonLookupResultDto> {
    const em = this.tx.manager;
    const today = todayInShanghai();
    const rows = (await this.repo.listingsOf(em, this.pii.blindIndex('id_number', idNumber))).filter((r) =>
      coversJurisdiction(viewer, r.jurisdiction_code),
    );
    await this.access.record(em, viewer, {
      caseType: 'EMPLOYER',
      caseIds: rows.map((r) => r.employer_id),
      purpose: 'compliance.blacklist-person-lookup',
    });
    const listings = rows.map((r) => ({
      listingId: r.listing_id,
      employerId: r.employer_id,
      employerName: r.employer_name,
      employerNameConfirmed: r.employer_name_confirmed,
      jurisdictionCode: r.jurisdiction_code,
      status: r.status,
      inForce: r.status === 'LISTED' && inForce({ expiresOn: r.expires_on }, today),
      listedOn: r.listed_on,
      expiresOn: r.expires_on,
      role: r.role,
      name: r.name,
    }));
    return { listed: listings.some((l) => l.inForce), listings };
  }
}
