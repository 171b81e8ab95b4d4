import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { decodeCursor, encodeCursor } from '../common/http/pagination';
import { maskName, maskPhone } from '../common/pii';
import { PiiCipher } from '../common/pii-crypto';
import { PiiAccessService } from '../audit/pii-access.service';
import { seesPersonalDataInFull } from '../complaints/complaint-view';
import { TransactionRunner } from '../database/transaction';
import type { SearchHitDto, SearchKind, SearchPageDto, SearchQueryDto } from './dto/search.dto';
import {
  SearchRepository,
  type IndexedSearchKey,
  type SearchRow,
  type SearchScope,
} from './search.repository';
import { classifySearch, SEARCHABLE_KINDS } from './search.rules';

/** A hit that shows a complainant's phone (a 投诉's; never a reporter's). */
const showsPhone = (r: SearchRow) =>
  r.complaint_kind === 'COMPLAINT' && r.complainant_phone_enc !== null && r.complaint_id !== null;

/** Where each kind of case is read in the API. */
const LINKS: Record<SearchKind, string> = {
  COMPLAINT: '/api/v1/complaints/',
  MEDIATION: '/api/v1/mediation/cases/',
  ARBITRATION: '/api/v1/arbitration/cases/',
  INSPECTION: '/api/v1/inspection/cases/',
};

/**
 * Cross-case search for staff (14.3), scoped exactly as their lists are: the streets of their jurisdictions, and for
 * an arbitrator of a commission the commission's arbitration cases (as GET /arbitration/cases).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SearchRepository,
    private readonly organisations: OrganisationsService,
    private readonly pii: PiiCipher,
    private readonly access: PiiAccessService,
  ) {}

  async search(viewer: Principal, q: SearchQueryDto): Promise<SearchPageDto> {
    const em = this.tx.manager;
    const limit = q.limit ?? 20;
    const commission =
      viewer.role === 'ARBITRATOR' && viewer.organisationId
        ? await this.organisations.byId(em, viewer.organisationId)
        : null;
    const scope: SearchScope = {
      prefixes: viewer.jurisdictions,
      commissionId: commission?.kind === 'ARBITRATION_COMMISSION' ? commission.id : null,
    };
    // Only kinds whose views the role may open (a link that answers 403 is no help).
    const kinds = SEARCHABLE_KINDS[viewer.role].filter((k) => !q.kind || k === q.kind);
    const key = classifySearch(q.q);
    const indexed: IndexedSearchKey =
      key.kind === 'PHONE' ? { kind: 'PHONE', phoneBidx: this.pii.blindIndex('phone', key.phone) } : key;
    const rows = await this.repo.search(em, indexed, scope, {
      kinds,
      cursor: decodeCursor(q.cursor),
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    if (seesPersonalDataInFull(viewer, null))
      await this.access.record(em, viewer, {
        caseType: 'COMPLAINT',
        caseIds: items.filter(showsPhone).map((r) => r.complaint_id!),
        purpose: 'search',
      });
    return {
      items: items.map((r) => this.hit(viewer, r)),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
    };
  }

  private hit(viewer: Principal, r: SearchRow): SearchHitDto {
    // The complainant of a 投诉 only (never a reporter), in full for the roles that handle cases; never the ID number.
    const full = seesPersonalDataInFull(viewer, null);
    return {
      kind: r.kind,
      id: r.id,
      trackingNo: r.tracking_no,
      caseNo: r.case_no,
      status: r.status,
      street: { code: r.street_code, name: r.street_name },
      employerName: r.employer_name,
      employerNameConfirmed: r.employer_name_confirmed,
      filedOn: r.filed_on,
      complainant:
        r.complaint_kind === 'COMPLAINT'
          ? {
              name: full ? r.complainant_name : maskName(r.complainant_name),
              phone: full ? this.phone(r) : maskPhone(this.phone(r)),
            }
          : null,
      link: `${LINKS[r.kind]}${r.id}`,
    };
  }

  private phone(r: SearchRow): string | null {
    return this.pii.decryptNullable(r.complainant_phone_enc);
  }
}
