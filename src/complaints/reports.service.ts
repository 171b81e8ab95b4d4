import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { AppException } from '../common/errors/app-exception';
import type { CursorQuery } from '../common/http/pagination';
import { newId } from '../common/ids';
import { isValidTrackingNumber } from '../common/tracking-number';
import { TransactionRunner } from '../database/transaction';
import { CaseMessagesService } from './case-messages.service';
import { Acknowledgement } from './acknowledgement';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { ReportChannelService } from './report-channel.service';
import type {
  MessagePageDto,
  MessageViewDto,
  ReportReceiptDto,
  ReportStatusDto,
} from './dto/complaint-view.dto';
import type { CreateReportDto } from './dto/create-complaint.dto';
import type { Complaint } from './entities/complaint.entity';

/** Wrong access codes: after this many in a row the report locks for a while. */
export const ACCESS_CODE_RULES = { lockAfterFailures: 5, lockMinutes: 15 } as const;
/** No 0/O, 1/I/L: read aloud over the 12333 hotline without confusion. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newAccessCode(): string {
  return Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * 举报: anonymous reports and their two-way channel. The reporter's identity is never recorded (劳动保障监察条例
 * Art 9: 为举报人保密); possession of the tracking number and access code is the only credential.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly channel: ReportChannelService,
    private readonly thread: CaseMessagesService,
    private readonly acknowledgement: Acknowledgement,
  ) {}

  async submit(dto: CreateReportDto): Promise<ReportReceiptDto> {
    const accessCode = newAccessCode();
    const { trackingNo } = await this.complaints.submitReport(dto, await hashPassword(accessCode));
    return { trackingNo, accessCode };
  }

  /** Checks tracking number + access code; wrong codes count towards a temporary lock (429). */
  private async authorise(trackingNo: string, accessCode: string | undefined): Promise<Complaint> {
    const notFound = AppException.notFound(
      'REPORT_NOT_FOUND',
      'No report matches this tracking number and access code',
    );
    if (!isValidTrackingNumber(trackingNo) || !accessCode) throw notFound;
    const report = await this.repo.findReportByTrackingNo(this.tx.manager, trackingNo);
    if (!report) throw notFound;
    // The lock stops wrong codes only: the right code still passes (a stranger's guesses must not lock the
    // reporter out). Guessing is bounded by the shared rate limit and a 31^12 code space.
    const lockedFor = report.accessLockedUntil ? report.accessLockedUntil.getTime() - Date.now() : 0;
    if (!(await verifyPassword(report.accessCodeHash, accessCode.trim().toUpperCase()))) {
      if (lockedFor > 0)
        throw AppException.tooManyRequests(
          'ACCESS_CODE_LOCKED',
          'Too many wrong access codes; try again later',
          Math.ceil(lockedFor / 1000),
        );
      await this.repo.recordAccessFailure(
        this.tx.manager,
        report.id,
        ACCESS_CODE_RULES.lockAfterFailures,
        ACCESS_CODE_RULES.lockMinutes,
      );
      throw notFound;
    }
    await this.repo.resetAccessFailures(this.tx.manager, report.id);
    return report;
  }

  async status(trackingNo: string, accessCode: string | undefined): Promise<ReportStatusDto> {
    const report = await this.authorise(trackingNo, accessCode);
    // The thread's first page (a long thread is never sent whole); the rest through `messages` from its cursor.
    const first = await this.thread.page(this.tx.manager, report.id, {});
    return {
      trackingNo: report.trackingNo,
      status: report.status,
      currentStep: await this.channel.currentStep(this.tx.manager, report.id),
      category: report.category,
      receivedOn: report.receivedOn,
      messages: first.items,
      messagesNextCursor: first.nextCursor,
    };
  }

  /** A page of the report's channel, oldest first, on the same credential (and lock) as the lookup. */
  async messages(
    trackingNo: string,
    accessCode: string | undefined,
    q: CursorQuery,
  ): Promise<MessagePageDto> {
    const report = await this.authorise(trackingNo, accessCode);
    return this.thread.page(this.tx.manager, report.id, q);
  }

  async reply(trackingNo: string, accessCode: string | undefined, body: string): Promise<MessageViewDto> {
    const report = await this.authorise(trackingNo, accessCode);
    return this.tx.run(async (em) => {
      await this.acknowledgement.beforeMessage(em, report);
      const messageId = newId();
      const createdAt = await this.repo.insertMessage(em, {
        id: messageId,
        complaintId: report.id,
        author: 'REPORTER',
        authorUserId: null,
        body,
      });
      await this.audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: report.id,
        action: 'MESSAGE_POSTED',
        actor: null,
        data: { author: 'REPORTER' },
      });
      // The report's staff are told there is a reply (never what it says, nor anything of the reporter).
      await this.thread.tellStaff(em, report, messageId);
      return { author: 'REPORTER', body, createdAt: createdAt.toISOString() };
    });
  }
}
