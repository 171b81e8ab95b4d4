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
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal, type Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { RULE_SET_SCHEMA } from './rule-set.schema';
import { FEATURES } from './risk.features';
import { RiskBacktestService } from './risk-backtest.service';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { RiskScoringService } from './risk-scoring.service';
import { MAX_SIGNAL_BATCH, RiskSignalsService } from './risk-signals.service';
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

/** Who edits rule sets, ingests signals and runs backtests. */
const RULE_EDITORS: Role[] = ['SUPERVISOR', 'ADMIN'];
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
  @Get('warnings')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningPageDto })
  list(@CurrentUser() user: Principal, @Query() q: WarningQueryDto): Promise<WarningPageDto> {
    return this.warnings.list(user, q);
  }

  @Get('warnings/:id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningDetailDto })
  get(@CurrentUser() user: Principal, @Param('id', warningUuid) id: string): Promise<WarningDetailDto> {
    return this.warnings.get(user, id);
  }

  @Post('warnings/:id/acknowledge')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningDetailDto })
  acknowledge(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: WarningTransitionDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'ACKNOWLEDGE', dto);
  }

  @Post('warnings/:id/handling')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningDetailDto })
  handling(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: WarningTransitionDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'START_HANDLING', dto);
  }

  @Post('warnings/:id/close')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: WarningDetailDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', warningUuid) id: string,
    @Body() dto: CloseWarningDto,
  ): Promise<WarningDetailDto> {
    return this.warnings.transition(user, id, 'CLOSE', dto);
  }

  /** A batch of external signals (JSON array); each row is reported STORED, DUPLICATE or REJECTED with its errors. */
  @Post('signals')
  @HttpCode(200)
  @Roles(...RULE_EDITORS)
  @ApiBody({ type: [SignalRowDto], description: `1 to ${MAX_SIGNAL_BATCH} signals` })
  @ApiOkResponse({ type: SignalBatchResultDto })
  ingest(@Body() body: unknown): Promise<SignalBatchResultDto> {
    return this.signals.ingest(body);
  }

  /** The same batch as a CSV file (header employerUscc,source,kind,value,observedAt) in the form field `file`. */
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
  ): Promise<SignalBatchResultDto> {
    if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? ''))
      throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be multipart/form-data');
    if (!file)
      throw AppException.validation([{ field: 'file', message: 'a CSV file is required in "file"' }]);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    return this.signals.ingest(this.signals.parseCsv(Buffer.concat(chunks).toString('utf8')));
  }

  /** The FEATURES catalogue: the facts rules may test. */
  @Get('features')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [FeatureDefDto] })
  features(): FeatureDefDto[] {
    return FEATURES.map((f) => ({ ...f }));
  }

  /** One employer's features as of a date (default today) and the hits of the current rules on them. */
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
  @Get('rule-sets/schema')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  schema(): object {
    return RULE_SET_SCHEMA;
  }

  @Get('rule-sets')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [RuleSetViewDto] })
  listRuleSets(): Promise<RuleSetViewDto[]> {
    return this.ruleSets.list();
  }

  @Get('rule-sets/current')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: RuleSetViewDto })
  currentRuleSet(): Promise<RuleSetViewDto> {
    return this.ruleSets.current();
  }

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
  @Post('rule-sets')
  @Roles(...RULE_EDITORS)
  @ApiBody({ schema: { type: 'object', additionalProperties: true, description: 'GET rule-sets/schema' } })
  @ApiCreatedResponse({ type: RuleSetViewDto })
  createRuleSet(@CurrentUser() user: Principal, @Body() body: unknown): Promise<RuleSetViewDto> {
    return this.ruleSets.create(user, body);
  }

  /** Starts a scoring run of every employer (executed by the worker). */
  @Post('runs')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RiskRunViewDto })
  async startRun(@CurrentUser() user: Principal): Promise<RiskRunViewDto> {
    return runView(await this.scoring.startRun(user));
  }

  @Get('runs/:id')
  @Roles(...RULE_EDITORS)
  @ApiOkResponse({ type: RiskRunViewDto })
  async getRun(@Param('id', runUuid) id: string): Promise<RiskRunViewDto> {
    return runView(await this.scoring.getRun(id));
  }

  /** Replays a rule-set version day by day over [from, to] (at most 3 years). */
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
