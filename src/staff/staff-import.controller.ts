import { Controller, Headers, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { ImportQueryDto, ImportResultDto } from './dto/import.dto';
import { IMPORT_COLUMNS } from './staff-import';
import { StaffImportService } from './staff-import.service';

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

@ApiTags('admin: staff')
@ApiBearerAuth()
@Controller('api/v1/admin/users/import')
export class StaffImportController {
  constructor(private readonly importer: StaffImportService) {}

  /** Bulk import of staff: a dry run by default (`dryRun=false` imports); any bad row and nothing is imported. */
  @ApiOperation({
    summary: '批量导入工作人员',
    description:
      '以 CSV 或 XLSX 批量导入工作人员：默认仅试运行（dryRun=false 才导入）；任一行有误则全部不导入。',
  })
  @Post()
  @Roles('ADMIN')
  @HttpCode(200)
  @UseInterceptors(
    FileStreamInterceptor('file', {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      `A CSV (UTF-8) or XLSX file in \`file\`, header row: ${IMPORT_COLUMNS.join(', ')} (phone optional). ` +
      '`organisation` is an organisation id or KIND:code (e.g. MEDIATION_COMMITTEE:310115007); ' +
      '`jurisdictionCodes` are separated by ";". At most 2 MB and 2000 rows.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: ImportResultDto })
  async import(
    @CurrentUser() user: Principal,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file: MultipartFileStream | undefined,
    @Query() q: ImportQueryDto,
  ): Promise<ImportResultDto> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? ''))
      throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be multipart/form-data');
    if (!file)
      throw AppException.validation([
        fieldError('file', 'isDefined', '请上传 CSV 或 XLSX 文件', 'file is required (CSV or XLSX)'),
      ]);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream as AsyncIterable<Buffer>) chunks.push(chunk);
    if ((file.stream as { truncated?: boolean }).truncated)
      throw AppException.validation([
        fieldError('file', 'maxSize', '文件不能超过 2 MB', 'the file is larger than 2 MB'),
      ]);
    return this.importer.import(user, Buffer.concat(chunks), q.dryRun !== false);
  }
}
