import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import type { MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators';
import { CASE_STAFF_ROLES, STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import type { ErrorCode } from '../common/errors/catalogue';
import { AttachmentViewDto, UploadAttachmentDto } from './dto/attachment.dto';
import { MAX_DESCRIPTION_LENGTH } from './evidence.rules';
import { EvidenceService } from './evidence.service';
import { ATTACHMENT_CONTENT_TYPES } from './file-type';
import { UploadStreamInterceptor } from './upload-stream.interceptor';

/** A malformed id is the same 404 as an unknown one. */
const uuidOr404 = (code: ErrorCode, message: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => AppException.notFound(code, message) });
const complaintUuid = uuidOr404('COMPLAINT_NOT_FOUND', 'No such complaint');

/**
 * The evidence of a dispute, by complaint id (the dispute's root). The complainant and staff of the
 * complaint's jurisdiction read and add to it; anyone else gets 404 COMPLAINT_NOT_FOUND.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1/complaints/:id/attachments')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /**
   * The upload streams through: @fastify/multipart's limits bound it (10 MB, one file, five text fields) and
   * the file goes to storage as it arrives. Text fields must come before the file part. The parser's errors answer
   * in the platform's codes (upload-errors.ts).
   */
  @ApiOperation({
    summary: '上传证据附件',
    description:
      '以 multipart/form-data 上传一个附件（PDF、JPEG 或 PNG，不超过 10 MB）及说明。' +
      '投诉已撤回或不予受理的，投诉人不能再上传（409 CASE_FILE_CLOSED），所辖街道工作人员仍可归档。',
  })
  @Post()
  @Roles('WORKER', ...CASE_STAFF_ROLES)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @UseInterceptors(UploadStreamInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'One PDF, JPEG or PNG file (at most 10 MB; the type is read from its content) in `file`, and an ' +
      'optional `description`. Send `description` before `file`: parts after the file are not read.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        description: { type: 'string', maxLength: MAX_DESCRIPTION_LENGTH },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentViewDto })
  async upload(
    @CurrentUser() user: Principal,
    @Param('id', complaintUuid) id: string,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file: MultipartFileStream | undefined,
    @Body() dto: UploadAttachmentDto,
  ): Promise<AttachmentViewDto> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? ''))
      throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be multipart/form-data');
    if (!file)
      throw AppException.validation([
        fieldError(
          'file',
          'isDefined',
          '请在表单字段 "file" 中上传一个 PDF、JPEG 或 PNG 文件',
          'file is required: one PDF, JPEG or PNG file in the form field "file"',
        ),
      ]);
    return this.evidence.upload(
      user,
      id,
      { stream: file.stream, filename: file.originalname },
      dto.description,
    );
  }

  @ApiOperation({ summary: '证据附件列表', description: '投诉（纠纷）的全部证据附件。' })
  @Get()
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: [AttachmentViewDto] })
  list(@CurrentUser() user: Principal, @Param('id', complaintUuid) id: string): Promise<AttachmentViewDto[]> {
    return this.evidence.list(user, id);
  }

  @ApiOperation({ summary: '下载证据附件', description: '附件的原始文件内容。' })
  @Get(':attachmentId/content')
  @Roles('WORKER', ...CASE_STAFF_ROLES)
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The file, as uploaded', schema: { type: 'string', format: 'binary' } })
  async content(
    @CurrentUser() user: Principal,
    @Param('id', complaintUuid) id: string,
    @Param('attachmentId', uuidOr404('ATTACHMENT_NOT_FOUND', 'No such attachment')) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.evidence.content(user, id, attachmentId);
    // Never rendered inline or sniffed into something else; personal data stays out of shared caches.
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: file.disposition,
      length: file.sizeBytes,
    });
  }
}
