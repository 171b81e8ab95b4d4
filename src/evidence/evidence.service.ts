import { Inject, Injectable, Logger } from '@nestjs/common';
import { pipeline, type Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import type { AttachmentViewDto } from './dto/attachment.dto';
import type { Attachment } from './entities/attachment.entity';
import { EvidenceRepository } from './evidence.repository';
import {
  CASE_FILE_LIMITS,
  caseFileOpenTo,
  caseFileTakes,
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  sanitizeFilename,
  storageKeyFor,
} from './evidence.rules';
import { ATTACHMENT_CONTENT_TYPES } from './file-type';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { fileTooLarge } from './upload-errors';
import {
  EmptyFileError,
  FileTooLargeError,
  UnsupportedFileTypeError,
  UploadInspector,
} from './upload-inspector';

const CASE = 'COMPLAINT' as const;

/** An upload as the HTTP layer hands it over: the file's bytes, still arriving, and the name the client gave. */
export interface IncomingUpload {
  /** The multipart file stream; `truncated` is set by the parser when the file went over its size limit. */
  stream: Readable & { truncated?: boolean };
  filename: string | undefined;
}

export interface AttachmentContent {
  stream: Readable;
  contentType: string;
  sizeBytes: number;
  disposition: string;
}

function toView(a: Attachment): AttachmentViewDto {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    description: a.description,
    uploadedBy: { role: a.uploadedByRole },
    createdAt: a.createdAt.toISOString(),
  };
}

/** How a cut-off upload surfaces: the request aborted, or the multipart body ending inside the file. */
function isIncompleteUpload(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  return (
    e.code === 'ECONNRESET' ||
    e.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    e.code === 'FST_MP_PREMATURE_CLOSE' ||
    (typeof e.message === 'string' &&
      /^aborted$|unexpected end of (multipart data|form)|terminated early/i.test(e.message))
  );
}

function caseFileFull(held: { files: number; bytes: number }): AppException {
  return AppException.conflict(
    'CASE_FILE_FULL',
    'The case file of this complaint is full (50 files, 200 MB in all)',
    { ...CASE_FILE_LIMITS, files: held.files, bytes: held.bytes },
  );
}

function caseFileClosed(status: string): AppException {
  return AppException.conflict(
    'CASE_FILE_CLOSED',
    'This complaint was withdrawn or refused; its case file takes no more evidence',
    { status },
  );
}

/**
 * The shared case file (证据材料) of a dispute. Evidence is attached to the complaint, the root of the dispute,
 * and listed by complaint id, so every later proceeding of the same dispute (mediation, arbitration,
 * inspection, each referencing the complaint) sees the same file. Who may see the complaint may see and add
 * its evidence: the complainant, and staff whose jurisdiction covers the workplace street.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: EvidenceRepository,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** 404 for a complaint the caller may not see (ComplaintsService decides). */
  private async visibleComplaint(
    viewer: Principal,
    complaintId: string,
  ): Promise<{ kind: string; status: string }> {
    return this.complaints.get(viewer, complaintId);
  }

  /**
   * Streams the upload to storage while its type is decided from its first bytes, its SHA-256 computed and its
   * size bounded, then records it and its ATTACHMENT_ADDED event in one transaction. The complaint is checked
   * before a byte is stored; a failed upload (wrong type, too large, cut off) or a failed commit leaves no row
   * and no stored file. The transaction is not held open while the client uploads.
   */
  async upload(
    viewer: Principal,
    complaintId: string,
    upload: IncomingUpload,
    description: string | undefined,
  ): Promise<AttachmentViewDto> {
    const complaint = await this.visibleComplaint(viewer, complaintId);
    if (complaint.kind === 'REPORT')
      throw AppException.conflict(
        'REPORT_ATTACHMENTS_NOT_SUPPORTED',
        'Anonymous reports take no attachments for now',
      );
    if (!caseFileOpenTo(complaint.status, viewer.role)) throw caseFileClosed(complaint.status);

    // A full case file is refused before a byte is stored (the exact check, with the size, is in the transaction).
    const held = await this.repo.caseFileSize(this.tx.manager, complaintId);
    if (!caseFileTakes(held, 1)) throw caseFileFull(held);

    const id = newId();
    const storageKey = storageKeyFor(id);
    const inspector = new UploadInspector(MAX_ATTACHMENT_BYTES);
    // pipeline() forwards an error of the upload (e.g. the parser's size limit) to the inspector, and so to put().
    const inspected = pipeline(upload.stream, inspector, () => undefined);
    try {
      await this.storage.put(storageKey, inspected);
    } catch (err) {
      throw this.uploadFailure(err, upload);
    }
    try {
      // The parser truncates a file over its limit; a truncated file is never kept.
      if (upload.stream.truncated) throw fileTooLarge();
      const seen = inspector.result();
      return await this.tx.run(async (em) => {
        await this.repo.lockCaseFile(em, complaintId);
        // Again under a share lock on the complaint: a withdrawal or refusal commits before (seen here) or after.
        const locked = await this.complaints.lockForProceeding(em, complaintId);
        if (locked && !caseFileOpenTo(locked.complaint.status, viewer.role))
          throw caseFileClosed(locked.complaint.status);
        const now = await this.repo.caseFileSize(em, complaintId);
        if (!caseFileTakes(now, seen.sizeBytes)) throw caseFileFull(now);
        const row = await this.repo.insert(em, {
          id,
          complaintId,
          filename: sanitizeFilename(upload.filename, seen.contentType),
          contentType: seen.contentType,
          sizeBytes: seen.sizeBytes,
          sha256: seen.sha256,
          storageKey,
          description: description ?? null,
          uploadedByUserId: viewer.userId,
          uploadedByRole: viewer.role,
        });
        // No file name or description: they may hold personal data, and case_events never does.
        await this.audit.append(em, {
          caseType: CASE,
          caseId: complaintId,
          action: 'ATTACHMENT_ADDED',
          actor: viewer,
          data: {
            attachmentId: id,
            contentType: seen.contentType,
            sizeBytes: seen.sizeBytes,
            sha256: seen.sha256,
          },
        });
        return toView(row);
      });
    } catch (err) {
      await this.storage
        .delete(storageKey)
        .catch((cleanup: unknown) =>
          this.logger.error(
            { err: { message: (cleanup as Error)?.message }, storageKey },
            'could not remove the file of a failed upload',
          ),
        );
      throw err;
    }
  }

  private uploadFailure(err: unknown, upload: IncomingUpload): unknown {
    if (err instanceof UnsupportedFileTypeError)
      return new AppException(415, 'UNSUPPORTED_FILE_TYPE', 'An attachment must be a PDF, JPEG or PNG file', {
        allowed: ATTACHMENT_CONTENT_TYPES,
      });
    // The parser fails the stream with its own 413 once the limit is exceeded, after marking it truncated.
    const status = (err as { getStatus?: () => number; statusCode?: number } | null) ?? {};
    if (
      err instanceof FileTooLargeError ||
      upload.stream.truncated ||
      status.statusCode === 413 ||
      status.getStatus?.() === 413
    )
      return fileTooLarge();
    if (err instanceof EmptyFileError)
      return AppException.validation([
        fieldError('file', 'isNotEmpty', '上传的文件不能为空', 'file must not be empty'),
      ]);
    // The parser's own 4xx (e.g. a malformed body) stands as it is.
    const httpStatus = status.getStatus?.();
    if (httpStatus !== undefined && httpStatus < 500) return err;
    // The client went away or the body ended mid-file: nothing was kept, and it is not a server error.
    if (isIncompleteUpload(err))
      return AppException.badRequest('UPLOAD_INCOMPLETE', 'The upload ended before the file was complete');
    return err;
  }

  /** The case file of a complaint, oldest first. */
  async list(viewer: Principal, complaintId: string): Promise<AttachmentViewDto[]> {
    await this.visibleComplaint(viewer, complaintId);
    return (await this.repo.listByComplaint(this.tx.manager, complaintId)).map(toView);
  }

  /** The stored bytes of one attachment, with the headers a download needs. */
  async content(viewer: Principal, complaintId: string, attachmentId: string): Promise<AttachmentContent> {
    await this.visibleComplaint(viewer, complaintId);
    const a = await this.repo.findInComplaint(this.tx.manager, complaintId, attachmentId);
    if (!a) throw AppException.notFound('ATTACHMENT_NOT_FOUND', 'No such attachment');
    return {
      stream: await this.storage.get(a.storageKey),
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      disposition: contentDisposition(a.filename),
    };
  }
}
