import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { compareDates, todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { idCursor } from './blacklist.service';
import { EMPLOYER_CASE } from './compliance.constants';
import { ComplianceRepository } from './compliance.repository';
import type {
  PublicationViewDto,
  PublicViolationPageDto,
  PublicViolationsQuery,
  PublishDto,
} from './dto/compliance.dto';
import { quarterRange } from './publication.rules';

/** Publication is recorded on each published employer's trail (case_type EMPLOYER, case_id = employer id). */
const PUBLICATION_CASE = EMPLOYER_CASE;

/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号): a SUPERVISOR/ADMIN publishes a quarter's major violations of their
 * jurisdiction once the quarter has ended; the public reads the published batches (a snapshot, no personal data).
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplianceRepository,
    private readonly audit: AuditService,
  ) {}

  async publish(viewer: Principal, dto: PublishDto): Promise<PublicationViewDto> {
    const scope = dto.jurisdictionCode ?? viewer.jurisdictions[0];
    if (!scope || !coversJurisdiction(viewer, scope))
      throw AppException.forbidden('OUTSIDE_JURISDICTION', 'The jurisdiction is outside your scope');
    const { from, to } = quarterRange(dto.year, dto.quarter);
    const today = todayInShanghai();
    if (compareDates(to, today) >= 0)
      throw AppException.conflict('QUARTER_NOT_OVER', 'A quarter is published after it ends', {
        quarterEndsOn: to,
      });
    const id = newId();
    const items = await this.tx.run(async (em) => {
      let n: number;
      try {
        n = await this.repo.insertPublication(
          em,
          {
            id,
            jurisdictionCode: scope,
            year: dto.year,
            quarter: dto.quarter,
            publishedOn: today,
            publishedBy: viewer.userId,
          },
          from,
          to,
        );
      } catch (err) {
        if (isUniqueViolation(err, 'uq_violation_publications_quarter'))
          throw AppException.conflict(
            'ALREADY_PUBLISHED',
            'That quarter is already published for this jurisdiction',
            {
              jurisdictionCode: scope,
              year: dto.year,
              quarter: dto.quarter,
            },
          );
        throw err;
      }
      for (const employerId of await this.repo.employersOfPublication(em, id))
        await this.audit.append(em, {
          caseType: PUBLICATION_CASE,
          caseId: employerId,
          action: 'VIOLATIONS_PUBLISHED',
          actor: viewer,
          data: { publicationId: id, year: dto.year, quarter: dto.quarter },
        });
      return n;
    });
    return { id, jurisdictionCode: scope, year: dto.year, quarter: dto.quarter, publishedOn: today, items };
  }

  /** Public: the published violations of a quarter (every jurisdiction), without any person's name. */
  async publicList(q: PublicViolationsQuery): Promise<PublicViolationPageDto> {
    const limit = q.limit ?? 20;
    const rows = await this.repo.publishedItems(
      this.tx.manager,
      q.year,
      q.quarter,
      idCursor(q.cursor),
      limit,
    );
    return {
      year: q.year,
      quarter: q.quarter,
      items: rows.map((r) => ({
        employerName: r.employer_name,
        uscc: r.uscc,
        address: r.address,
        jurisdictionCode: r.jurisdiction_code,
        publishedOn: r.published_on,
        foundOn: r.found_on,
        kinds: r.kinds,
        arrearsFen: Number(r.arrears_fen),
        workersAffected: r.workers_affected,
        facts: r.facts,
        handling: r.handling,
      })),
      nextCursor: rows.length === limit ? rows[rows.length - 1].violation_id : null,
    };
  }
}
