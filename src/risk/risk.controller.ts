import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal, type Role } from '../auth/roles';
import { AppException, fieldError, localizeDetails, type FieldError } from '../common/errors/app-exception';
import { preferredLanguage } from '../common/errors/catalogue';
import { RULE_SET_SCHEMA } from './rule-set.schema';
import { FEATURES } from './risk.features';
import { RiskBacktestService } from './risk-backtest.service';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { RiskScoringService } from './risk-scoring.service';
import { MAX_SIGNAL_BATCH, RiskSignalsService, type SignalBatchResult } from './risk-signals.service';
import { RiskWarningsService } from './risk-warnings.service';
import { RiskRepository } from './risk.repository';
import {
  AsOfQueryDto,
  BacktestDto,
  EmployerFeaturesDto,
  BacktestReportDto,
  CloseWarningDto,
  FeatureDefDto,
  RiskRunViewDto,
  RuleSetViewDto,
  SignalBatchResultDto,
  SignalRowDto,
  WarningDetailDto,
  WarningPageDto,
  WarningQueryDto,
  WarningTransitionDto,
} from './dto/risk.dto';
import type { RiskRun } from './entities/risk-run.entity';
import { TransactionRunner } from '../database/transaction';

/** A batch result whose rejected rows' field errors speak the caller's language (zh-CN unless it asks for en). */
function inLanguage(result: SignalBatchResult, req: FastifyRequest): SignalBatchResult {
  const lang = preferredLanguage(req.headers['accept-language']);
  return {
    ...result,
    rows: result.rows.map((r) =>
      r.errors ? { ...r, errors: localizeDetails(r.errors, lang) as FieldError[] } : r,
    ),
  };
}

/** Who edits rule sets, ingests signals and runs backtests. */
const RULE_EDITORS: Role[] = ['SUPERVISOR', 'ADMIN'];
/**
 * Who acts on a warning: the street's inspectors, mediators and supervisors (docs/state-machines.md). Not the
 * operators' account — ADMIN sees every warning, but its acknowledging a red one would stop the escalation to the
 * street's supervisors — nor an arbitrator, who may later judge the employer's dispute (调解仲裁法 第三十三条: 回避).
 */
const WARNING_HANDLERS: Role[] = ['INSPECTOR', 'MEDIATOR', 'SUPERVISOR'];
const CSV_MAX_BYTES = 5 * 1024 * 1024;

const warningUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('RISK_WARNING_NOT_FOUND', 'No such risk warning'),
});
const runUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('RISK_RUN_NOT_FOUND', 'No such risk run'),
});

@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/v1/risk')
export class RiskController {
  constructor(
    private readonly warnings: RiskWarningsService,
    private readonly signals: RiskSignalsService,
    private readonly ruleSets: RiskRuleSetsService,
    private readonly scoring: RiskScoringService,
    private readonly backtests: RiskBacktestService,
    private readonly repo: RiskRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Warnings of the caller's jurisdictions, most recently updated first. */
  @ApiOperation({ summary: '风险预警列表', description: '所辖范围内的风险预警，最近更新的在前。' })
  @Get('warnings')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningPageDto })
  list(@CurrentUser() user: Principal, @Query() q: WarningQueryDto): Promise<WarningPageDto> {
    return this.warnings.list(user, q);
  }

  @ApiOperation({ summary: '风险预警详情', description: '一条预警的等级、命中的规则及其依据事实。' })
  @Get('warnings/:id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningDetailDto })
  get(@CurrentUser() user: Principal, @Param('id', warningUuid) id: string): Promise<WarningDetailDto> {
    return this.warnings.get(user, id);
  }

  @ApiOperation({ summary: '签收风险预警', description: '签收一条新预警。' })
  @Post('warnings/:id/acknowledge')
  @HttpCode(200)
  @Roles(...WARNING_HANDLERS)
  @ApiOkResponse({ type: WarningDetailDto })
  acknowledge(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: WarningTransitionDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'ACKNOWLEDGE', dto);
  }

  @ApiOperation({ summary: '处置风险预警', description: '登记预警的处置进展。' })
  @Post('warnings/:id/handling')
  @HttpCode(200)
  @Roles(...WARNING_HANDLERS)
  @ApiOkResponse({ type: WarningDetailDto })
  handling(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: WarningTransitionDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'START_HANDLING', dto);
  }

  @ApiOperation({ summary: '关闭风险预警', description: '写明处置结果并关闭预警。' })
  @Post('warnings/:id/close')
  @HttpCode(200)
  @Roles(...WARNING_HANDLERS)
  @ApiOkResponse({ type: WarningDetailDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: CloseWarningDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'CLOSE', dto);
  }

  /** A batch of external signals (JSON array); each row is reported STORED, DUPLICATE or REJECTED with its errors. */
  @ApiOperation({
    summary: '导入外部信号',
    description: '导入一批外部信号（JSON 数组）；逐行返回 STORED、DUPLICATE 或 REJECTED 及错误。',
  })
  @Post('signals')
  @HttpCode(200)
  @Roles(...RULE_EDITORS)
  @ApiBody({ type: [SignalRowDto], description: `1 to ${MAX_SIGNAL_BATCH} signals` })
  @ApiOkResponse({ type: SignalBatchResultDto })
  async ingest(@Body() body: unknown, @Req() req: FastifyRequest): Promise<SignalBatchResultDto> {
    return inLanguage(await this.signals.ingest(body), req);
  }

  /** The same batch as a CSV file (header employerUscc,source,kind,value,observedAt) in the form field `file`. */
  @ApiOperation({
    summary: '上传信号 CSV',
    description:
      '以 CSV 文件（表头 employerUscc,source,kind,value,observedAt，表单字段 file）导入同样的一批信号。',
  })
  @Post('signals/upload')
  @HttpCode(200)
  @Roles(...RULE_EDITORS)
  @UseInterceptors(
    FileStreamInterceptor('file', { limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 0, parts: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: SignalBatchResultDto })
  async upload(
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file: MultipartFileStream | undefined,
    @Req() req: FastifyRequest,
  ): Promise<SignalBatchResultDto> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? ''))
      throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be multipart/form-data');
    if (!file)
      throw AppException.validation([
        fieldError(
          'file',
          'isDefined',
          '请在表单字段 "file" 中上传 CSV 文件',
          'a CSV file is required in "file"',
        ),
      ]);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    const result = await this.signals.ingest(this.signals.parseCsv(Buffer.concat(chunks).toString('utf8')));
    return inLanguage(result, req);
  }

  /** The FEATURES catalogue: the facts rules may test. */
  @ApiOperation({ summary: '风险特征目录', description: '规则可以使用的特征（事实）目录。' })
  @Get('features')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [FeatureDefDto] })
  features(): FeatureDefDto[] {
    return FEATURES.map((f) => ({ ...f }));
  }

  /** One employer's features as of a date (default today) and the hits of the current rules on them. */
  @ApiOperation({
    summary: '用人单位风险特征',
    description: '某用人单位在某日（默认今天）的特征值，以及当前规则的命中情况。',
  })
  @Get('employers/:employerId/features')
  @Roles(...RULE_EDITORS)
  @ApiOkResponse({ type: EmployerFeaturesDto })
  employerFeatures(
    @CurrentUser() user: Principal,
    @Param(
      'employerId',
      new ParseUUIDPipe({
        exceptionFactory: () => AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer'),
      }),
    )
    employerId: string,
    @Query() q: AsOfQueryDto,
  ): Promise<EmployerFeaturesDto> {
    return this.scoring.explainEmployerFor(user, employerId, q.asOf);
  }

  /** The JSON schema a rule set must validate against (built from the catalogue). */
  @ApiOperation({
    summary: '规则集 JSON Schema',
    description: '规则集须符合的 JSON Schema（由特征目录生成）。',
  })
  @Get('rule-sets/schema')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  schema(): object {
    return RULE_SET_SCHEMA;
  }

  @ApiOperation({ summary: '规则集版本列表', description: '所有规则集版本，最新的在前。' })
  @Get('rule-sets')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [RuleSetViewDto] })
  listRuleSets(): Promise<RuleSetViewDto[]> {
    return this.ruleSets.list();
  }

  @ApiOperation({ summary: '当前规则集', description: '当前生效的规则集版本。' })
  @Get('rule-sets/current')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: RuleSetViewDto })
  currentRuleSet(): Promise<RuleSetViewDto> {
    return this.ruleSets.current();
  }

  @ApiOperation({ summary: '规则集版本详情', description: '某一规则集版本的规则。' })
  @Get('rule-sets/:version')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: RuleSetViewDto })
  ruleSet(
    @Param(
      'version',
      new ParseIntPipe({
        exceptionFactory: () => AppException.notFound('RULE_SET_NOT_FOUND', 'No such rule set version'),
      }),
    )
    version: number,
  ): Promise<RuleSetViewDto> {
    return this.ruleSets.get(version);
  }

  /** Saves a new version (validated first: 400 with the path of each error, nothing saved). */
  @ApiOperation({
    summary: '保存规则集',
    description: '保存新的规则集版本（先校验：有错误时返回 400 并列出每个错误的路径，不保存）。',
  })
  @Post('rule-sets')
  @Roles(...RULE_EDITORS)
  @ApiBody({ schema: { type: 'object', additionalProperties: true, description: 'GET rule-sets/schema' } })
  @ApiCreatedResponse({ type: RuleSetViewDto })
  createRuleSet(@CurrentUser() user: Principal, @Body() body: unknown): Promise<RuleSetViewDto> {
    return this.ruleSets.create(user, body);
  }

  /** Starts a scoring run of every employer (executed by the worker). */
  @ApiOperation({ summary: '启动风险评分', description: '启动一次对全部用人单位的评分（由后台任务执行）。' })
  @Post('runs')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RiskRunViewDto })
  async startRun(@CurrentUser() user: Principal): Promise<RiskRunViewDto> {
    return runView(await this.scoring.startRun(user));
  }

  @ApiOperation({ summary: '风险评分批次', description: '一次评分的状态与结果统计。' })
  @Get('runs/:id')
  @Roles(...RULE_EDITORS)
  @ApiOkResponse({ type: RiskRunViewDto })
  async getRun(@Param('id', runUuid) id: string): Promise<RiskRunViewDto> {
    return runView(await this.scoring.getRun(id));
  }

  /** Replays a rule-set version day by day over [from, to] (at most 3 years). */
  @ApiOperation({
    summary: '规则回测',
    description: '按日在 [from, to] 区间（最长 3 年）回放某一规则集版本。',
  })
  @Post('backtest')
  @HttpCode(200)
  @Roles(...RULE_EDITORS)
  @ApiOkResponse({ type: BacktestReportDto })
  backtest(@Body() dto: BacktestDto): Promise<BacktestReportDto> {
    return this.backtests.run(dto);
  }
}

function runView(r: RiskRun): RiskRunViewDto {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    asOf: r.asOf,
    ruleSetVersion: r.ruleSetVersion,
    progress: r.progress,
    counts: r.counts,
    error: r.error,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
