import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { BlacklistService } from './blacklist.service';
import { BlacklistPersonsService } from './blacklist-persons.service';
import { PersonLookupDto, PersonLookupResultDto } from './dto/blacklist-persons.dto';
import { ComplianceService } from './compliance.service';
import {
  BlacklistEntryViewDto,
  EarlyRemovalDto,
  EmployerComplianceDto,
  GradeRunDto,
  GradeRunViewDto,
  ListEmployerDto,
  PublicationViewDto,
  PublishDto,
  RecordViolationDto,
  ViolationViewDto,
} from './dto/compliance.dto';
import { PublicationService } from './publication.service';
import { RegistersService } from './registers.service';
import {
  BlacklistNoticeDto,
  BlacklistNoticeViewDto,
  StatementDto,
  ViolationFactsDto,
} from './dto/registers.dto';

/** Staff who read employers' compliance (the system administrator too, for support). */
const COMPLIANCE_READERS: Role[] = ['INSPECTOR', 'SUPERVISOR', 'ADMIN'];
/** Staff who record and correct violations: the inspectorate, not the system administrator. */
const COMPLIANCE_STAFF: Role[] = ['INSPECTOR', 'SUPERVISOR'];
/** Listing, removal and publication are decisions of the bureau (人社部令第45号, 第29号), not of its IT administrator. */
const DECIDERS: Role[] = ['SUPERVISOR'];

const employerUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer'),
});
const violationUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('VIOLATION_NOT_FOUND', 'No such violation'),
});
const noticeUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('BLACKLIST_NOTICE_NOT_FOUND', 'No such listing notice'),
});
const listingUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('BLACKLIST_ENTRY_NOT_FOUND', 'No such listing'),
});

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('api/v1/compliance')
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly blacklist: BlacklistService,
    private readonly publications: PublicationService,
    private readonly registers: RegistersService,
    private readonly persons: BlacklistPersonsService,
  ) {}

  /** The employer's violation history, yearly grades, listings and audit trail. */
  @ApiOperation({
    summary: '用人单位守法档案',
    description: '用人单位的违法记录、年度守法诚信等级、失信名单及审计记录。',
  })
  @Get('employers/:employerId')
  @Roles(...COMPLIANCE_READERS)
  @ApiOkResponse({ type: EmployerComplianceDto })
  record(
    @CurrentUser() user: Principal,
    @Param('employerId', employerUuid) employerId: string,
  ): Promise<EmployerComplianceDto> {
    return this.compliance.record(user, employerId);
  }

  /** A violation found outside the platform (historical records): source MANUAL. */
  @ApiOperation({
    summary: '登记违法记录',
    description: '登记平台外查处的违法行为（历史记录，来源 MANUAL）。',
  })
  @Post('employers/:employerId/violations')
  @Roles(...COMPLIANCE_STAFF)
  @ApiCreatedResponse({ type: ViolationViewDto })
  recordViolation(
    @CurrentUser() user: Principal,
    @Param('employerId', employerUuid) employerId: string,
    @Body() dto: RecordViolationDto,
  ): Promise<ViolationViewDto> {
    return this.compliance.recordManual(user, employerId, dto);
  }

  /** Facts learnt after the finding: the arrears concern 农民工; criminal liability (a judgment) for grade C. */
  @ApiOperation({
    summary: '补充违法事实',
    description:
      '查处后获知的事实：是否涉及农民工工资、是否被追究刑事责任（影响 C 级评定：查处年度已评定或已结束的，该年度随即重新评定）。',
  })
  @Patch('violations/:id')
  @Roles(...COMPLIANCE_STAFF)
  @ApiOkResponse({ type: ViolationViewDto })
  updateFacts(
    @CurrentUser() user: Principal,
    @Param('id', violationUuid) id: string,
    @Body() dto: ViolationFactsDto,
  ): Promise<ViolationViewDto> {
    return this.registers.updateFacts(user, id, dto);
  }

  /**
   * Serves the prior notice of an intended listing on the employer and the persons it names (当事人); each may state
   * their case within 5 working days.
   */
  @ApiOperation({
    summary: '送达拟列入告知',
    description:
      '向用人单位及告知书列明的当事人（responsiblePersons，人社部令第45号 第五条）送达拟列入失信名单的事先告知；各当事人可在 5 个工作日内陈述申辩。列入决定只能列明告知书列明的当事人。',
  })
  @Post('employers/:employerId/blacklist-notices')
  @Roles(...DECIDERS)
  @ApiCreatedResponse({ type: BlacklistNoticeViewDto })
  notice(
    @CurrentUser() user: Principal,
    @Param('employerId', employerUuid) employerId: string,
    @Body() dto: BlacklistNoticeDto,
  ): Promise<BlacklistNoticeViewDto> {
    return this.registers.notify(user, employerId, dto);
  }

  /** Records the statement (陈述申辩) on a notice: the employer's, or with `idNumber` a named person's. */
  @ApiOperation({
    summary: '登记陈述申辩',
    description:
      '登记用人单位对告知书的陈述申辩；请求体带 idNumber 时，登记告知书列明的该当事人本人的陈述申辩。',
  })
  @Post('blacklist-notices/:id/statement')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: BlacklistNoticeViewDto })
  statement(
    @CurrentUser() user: Principal,
    @Param('id', noticeUuid) id: string,
    @Body() dto: StatementDto,
  ): Promise<BlacklistNoticeViewDto> {
    return this.registers.statement(user, id, dto);
  }

  /**
   * Lists the employer and its 当事人 on the 拖欠农民工工资失信联合惩戒名单: after the notice and the statement period,
   * on a violation with the listing facts (409 with what is missing), naming its 法定代表人 or 主要负责人 (400 otherwise).
   */
  @ApiOperation({
    summary: '列入失信名单',
    description:
      '将用人单位及其法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员（当事人，人社部令第45号 第五条）列入拖欠农民工工资失信联合惩戒名单：须已告知且陈述申辩期届满（或已陈述申辩），所列当事人均须经告知书列明并经陈述申辩或期限届满（否则 409 LISTING_PERSON_NOT_NOTICED 等），违法行为符合列入情形（否则 409 并说明缺少什么）；须列明法定代表人或者主要负责人，同一身份证号码不得重复（否则 400）。',
  })
  @Post('employers/:employerId/blacklist')
  @Roles(...DECIDERS)
  @ApiCreatedResponse({ type: BlacklistEntryViewDto })
  list(
    @CurrentUser() user: Principal,
    @Param('employerId', employerUuid) employerId: string,
    @Body() dto: ListEmployerDto,
  ): Promise<BlacklistEntryViewDto> {
    return this.blacklist.list(user, employerId, dto);
  }

  /** Is the person with this resident ID number listed? Listings of the caller's jurisdiction; the read is logged. */
  @ApiOperation({
    summary: '查询当事人是否被列入失信名单',
    description:
      '按居民身份证号码查询本辖区失信名单中列明的当事人（号码放在请求体中，不进入网址或日志；查询记入个人信息访问记录）。',
  })
  @Post('blacklist-persons/lookup')
  @HttpCode(200)
  @Roles(...COMPLIANCE_STAFF)
  @ApiOkResponse({ type: PersonLookupResultDto })
  lookupPerson(@CurrentUser() user: Principal, @Body() dto: PersonLookupDto): Promise<PersonLookupResultDto> {
    return this.persons.lookup(user, dto.idNumber);
  }

  /** Early removal (信用修复): 6 months after the correction (after the listing if corrected before it), with a credit commitment. */
  @ApiOperation({
    summary: '提前移出失信名单',
    description:
      '信用修复：已改正，自改正之日起（改正早于列入的，自列入之日起）满 6 个月，并作出不再拖欠农民工工资的书面信用承诺后提前移出（人社部令第45号 第十二条）；列入期限内再次拖欠农民工工资，或因涉嫌拒不支付劳动报酬犯罪正在刑事诉讼期间或者已被追究刑事责任的，不得提前移出（第十三条，409 EARLY_REMOVAL_BARRED）。',
  })
  @Post('blacklist/:id/early-removal')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: BlacklistEntryViewDto })
  removeEarly(
    @CurrentUser() user: Principal,
    @Param('id', listingUuid) id: string,
    @Body() dto: EarlyRemovalDto,
  ): Promise<BlacklistEntryViewDto> {
    return this.blacklist.removeEarly(user, id, dto);
  }

  /** Starts the compliance.grade-year job for a year now (it also runs every 1 January). */
  @ApiOperation({
    summary: '评定年度守法等级',
    description: '立即运行某一年度的守法诚信等级评定任务（每年 1 月 1 日也会自动运行）。',
  })
  @Post('grades/runs')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiAcceptedResponse({ type: GradeRunViewDto })
  gradeRun(@Body() dto: GradeRunDto): Promise<GradeRunViewDto> {
    return this.compliance.startGradeRun(dto.year);
  }

  /** Publishes a finished quarter's major violations of the caller's jurisdiction (人社部令第29号). */
  @ApiOperation({
    summary: '公布重大违法行为',
    description: '公布本辖区已结束季度的重大劳动保障违法行为（人社部令第29号）。',
  })
  @Post('publications')
  @Roles(...DECIDERS)
  @ApiCreatedResponse({ type: PublicationViewDto })
  publish(@CurrentUser() user: Principal, @Body() dto: PublishDto): Promise<PublicationViewDto> {
    return this.publications.publish(user, dto);
  }
}
