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
 * 重大劳动保障违法行为社会公布 (人社部令第29号): a SUPERVISOR publishes a quarter's major violations of their
 * jurisdiction once the quarter has ended; violations of that quarter recorded afterwards go out in a supplementary
 * batch (`supplementary: true`, each carrying its own publication date); the public reads the published batches (a
 * snapshot, no personal data).
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
    // 人社部令第29号 第八条: 根据工作需要，对重大劳动保障违法行为可随时公布 (a later batch of a published quarter).
    const supplementary = dto.supplementary === true;
    const quarterOf = { jurisdictionCode: scope, year: dto.year, quarter: dto.quarter };
    if (compareDates(to, today) >= 0)
      throw AppException.conflict('QUARTER_NOT_OVER', 'A quarter is published after it ends', {
        quarterEndsOn: to,
      });
    const id = newId();
    const items = await this.tx.run(async (em) => {
      if (supplementary && !(await this.repo.regularPublicationExists(em, scope, dto.year, dto.quarter)))
        throw AppException.conflict(
          'QUARTER_NOT_PUBLISHED',
          'A supplementary publication follows the quarter’s regular one; publish the quarter first',
          { ...quarterOf, allowed: ['PUBLISH'] },
        );
      let n: number;
      try {
        n = await this.repo.insertPublication(
          em,
          { id, ...quarterOf, publishedOn: today, publishedBy: viewer.userId, supplementary },
          from,
          to,
        );
      } catch (err) {
        if (isUniqueViolation(err, 'uq_violation_publications_quarter'))
          throw AppException.conflict(
            'ALREADY_PUBLISHED',
            'That quarter is already published for this jurisdiction; violations recorded since go in a supplementary publication',
            { ...quarterOf, allowed: ['PUBLISH_SUPPLEMENTARY'] },
          );
        throw err;
      }
      // Nothing recorded since the quarter was published: no empty supplementary batch (the transaction rolls back).
      if (supplementary && n === 0)
        throw AppException.conflict(
          'NOTHING_TO_PUBLISH',
          'Every major violation of that quarter is already published',
          quarterOf,
        );
      for (const employerId of await this.repo.employersOfPublication(em, id))
        await this.audit.append(em, {
          caseType: PUBLICATION_CASE,
          caseId: employerId,
          action: 'VIOLATIONS_PUBLISHED',
          actor: viewer,
          data: { publicationId: id, year: dto.year, quarter: dto.quarter, supplementary },
        });
      return n;
    });
    return { id, ...quarterOf, supplementary, publishedOn: today, items };
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
        supplementary: r.supplementary,
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
