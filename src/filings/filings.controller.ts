import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal, type Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { ErrorCode } from '../common/errors/catalogue';
import { CollectiveContractsService } from './collective-contracts.service';
import {
  ClosureNoticeViewDto,
  ClosurePageDto,
  ClosureQueryDto,
  CollectiveContractPageDto,
  CollectiveContractViewDto,
  ContractQueryDto,
  CreateClosureNoticeDto,
  CreateCollectiveContractDto,
  CreateHarmoniousEnterpriseDto,
  CreateLayoffFilingDto,
  FilingQueryDto,
  HarmoniousEnterpriseViewDto,
  HarmoniousKpiDto,
  HarmoniousKpiQueryDto,
  HarmoniousPageDto,
  HarmoniousQueryDto,
  LayoffFilingViewDto,
  LayoffPageDto,
  ObjectCollectiveContractDto,
  RevokeHarmoniousEnterpriseDto,
} from './dto/filings.dto';
import { FilingsService } from './filings.service';
import { HarmoniousRegisterService } from './harmonious-register.service';

/** Labor-relations staff who receive filings on an employer's behalf (employers have no accounts yet). */
const FILING_ROLES: Role[] = ['INSPECTOR', 'MEDIATOR', 'SUPERVISOR', 'ADMIN'];
/** The administration's decisions (objections to collective contracts, the harmonious-enterprise register): not ADMIN's. */
const REVIEW_ROLES: Role[] = ['SUPERVISOR'];
/** Every member of staff sees the filings of their jurisdiction. */
const READ_ROLES: Role[] = [...STAFF_ROLES];

const idPipe = (code: ErrorCode) =>
  new ParseUUIDPipe({ exceptionFactory: () => AppException.notFound(code, 'No such filing') });

@ApiTags('filings')
@ApiBearerAuth()
@Controller('api/v1/filings')
export class FilingsController {
  constructor(
    private readonly filings: FilingsService,
    private readonly contracts: CollectiveContractsService,
    private readonly harmonious: HarmoniousRegisterService,
  ) {}

  /** 裁员备案: records a layoff plan; checks 劳动合同法 第四十一条 (thresholds, 30 days' notice). */
  @ApiOperation({
    summary: '裁员备案',
    description: '登记裁员方案，并按劳动合同法 第四十一条检查人数门槛与提前 30 日说明。',
  })
  @Post('layoffs')
  @Roles(...FILING_ROLES)
  @ApiCreatedResponse({ type: LayoffFilingViewDto })
  fileLayoff(
    @CurrentUser() user: Principal,
    @Body() dto: CreateLayoffFilingDto,
  ): Promise<LayoffFilingViewDto> {
    return this.filings.fileLayoff(user, dto);
  }

  @ApiOperation({ summary: '裁员备案列表', description: '所辖范围内的裁员备案，最新的在前。' })
  @Get('layoffs')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: LayoffPageDto })
  listLayoffs(@CurrentUser() user: Principal, @Query() q: FilingQueryDto): Promise<LayoffPageDto> {
    return this.filings.listLayoffs(user, q);
  }

  @ApiOperation({ summary: '裁员备案详情', description: '一条裁员备案及其检查结果。' })
  @Get('layoffs/:id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: LayoffFilingViewDto })
  getLayoff(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('LAYOFF_FILING_NOT_FOUND')) id: string,
  ): Promise<LayoffFilingViewDto> {
    return this.filings.getLayoff(user, id);
  }

  /** 关停并转迁 notice. */
  @ApiOperation({ summary: '关停并转迁报告', description: '登记用人单位关停并转迁的报告。' })
  @Post('closures')
  @Roles(...FILING_ROLES)
  @ApiCreatedResponse({ type: ClosureNoticeViewDto })
  fileClosure(
    @CurrentUser() user: Principal,
    @Body() dto: CreateClosureNoticeDto,
  ): Promise<ClosureNoticeViewDto> {
    return this.filings.fileClosure(user, dto);
  }

  @ApiOperation({ summary: '关停并转迁报告列表', description: '所辖范围内的关停并转迁报告，最新的在前。' })
  @Get('closures')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: ClosurePageDto })
  listClosures(@CurrentUser() user: Principal, @Query() q: ClosureQueryDto): Promise<ClosurePageDto> {
    return this.filings.listClosures(user, q);
  }

  @ApiOperation({ summary: '关停并转迁报告详情', description: '一条关停并转迁报告。' })
  @Get('closures/:id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: ClosureNoticeViewDto })
  getClosure(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('CLOSURE_NOTICE_NOT_FOUND')) id: string,
  ): Promise<ClosureNoticeViewDto> {
    return this.filings.getClosure(user, id);
  }

  /** 集体合同备案: registers the text; it takes effect unless objected to within 15 days. */
  @ApiOperation({ summary: '集体合同备案', description: '登记集体合同文本；15 日内未提出异议即生效。' })
  @Post('collective-contracts')
  @Roles(...FILING_ROLES)
  @ApiCreatedResponse({ type: CollectiveContractViewDto })
  fileContract(
    @CurrentUser() user: Principal,
    @Body() dto: CreateCollectiveContractDto,
  ): Promise<CollectiveContractViewDto> {
    return this.contracts.file(user, dto);
  }

  @ApiOperation({ summary: '集体合同备案列表', description: '所辖范围内的集体合同备案，最新的在前。' })
  @Get('collective-contracts')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: CollectiveContractPageDto })
  listContracts(
    @CurrentUser() user: Principal,
    @Query() q: ContractQueryDto,
  ): Promise<CollectiveContractPageDto> {
    return this.contracts.list(user, q);
  }

  @ApiOperation({ summary: '集体合同备案详情', description: '一份集体合同备案及其审查状态。' })
  @Get('collective-contracts/:id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: CollectiveContractViewDto })
  getContract(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('COLLECTIVE_CONTRACT_NOT_FOUND')) id: string,
  ): Promise<CollectiveContractViewDto> {
    return this.contracts.get(user, id);
  }

  /** The administration objects (审查意见书) within the 15-day review period; the contract does not take effect. */
  @ApiOperation({
    summary: '提出审查意见',
    description: '行政部门在 15 日审查期内提出审查意见书；合同不生效。',
  })
  @Post('collective-contracts/:id/objection')
  @HttpCode(200)
  @Roles(...REVIEW_ROLES)
  @ApiOkResponse({ type: CollectiveContractViewDto })
  objectToContract(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('COLLECTIVE_CONTRACT_NOT_FOUND')) id: string,
    @Body() dto: ObjectCollectiveContractDto,
  ): Promise<CollectiveContractViewDto> {
    return this.contracts.object(user, id, dto);
  }

  @ApiOperation({
    summary: '登记和谐劳动关系企业',
    description: '将用人单位登记为某一级别某一年度的和谐劳动关系企业。',
  })
  @Post('harmonious-enterprises')
  @Roles(...REVIEW_ROLES)
  @ApiCreatedResponse({ type: HarmoniousEnterpriseViewDto })
  registerHarmonious(
    @CurrentUser() user: Principal,
    @Body() dto: CreateHarmoniousEnterpriseDto,
  ): Promise<HarmoniousEnterpriseViewDto> {
    return this.harmonious.register(user, dto);
  }

  @ApiOperation({ summary: '和谐劳动关系企业名录', description: '所辖范围内的和谐劳动关系企业。' })
  @Get('harmonious-enterprises')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: HarmoniousPageDto })
  listHarmonious(@CurrentUser() user: Principal, @Query() q: HarmoniousQueryDto): Promise<HarmoniousPageDto> {
    return this.harmonious.list(user, q);
  }

  /** The KPI: enterprises on the register per district (target ≥ 1,200) and per street. */
  @ApiOperation({
    summary: '和谐企业指标',
    description: '区级（目标不少于 1,200 家）及各街道在册的和谐劳动关系企业数。',
  })
  @Get('harmonious-enterprises/kpi')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: HarmoniousKpiDto })
  harmoniousKpi(
    @CurrentUser() user: Principal,
    @Query() q: HarmoniousKpiQueryDto,
  ): Promise<HarmoniousKpiDto> {
    return this.harmonious.kpi(user, q.asOf);
  }

  @ApiOperation({ summary: '和谐企业登记详情', description: '一条和谐劳动关系企业登记。' })
  @Get('harmonious-enterprises/:id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: HarmoniousEnterpriseViewDto })
  getHarmonious(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('HARMONIOUS_ENTRY_NOT_FOUND')) id: string,
  ): Promise<HarmoniousEnterpriseViewDto> {
    return this.harmonious.get(user, id);
  }

  @ApiOperation({ summary: '撤销和谐企业登记', description: '撤销一条和谐劳动关系企业登记。' })
  @Post('harmonious-enterprises/:id/revoke')
  @HttpCode(200)
  @Roles(...REVIEW_ROLES)
  @ApiOkResponse({ type: HarmoniousEnterpriseViewDto })
  revokeHarmonious(
    @CurrentUser() user: Principal,
    @Param('id', idPipe('HARMONIOUS_ENTRY_NOT_FOUND')) id: string,
    @Body() dto: RevokeHarmoniousEnterpriseDto,
  ): Promise<HarmoniousEnterpriseViewDto> {
    return this.harmonious.revoke(user, id, dto);
  }
}
