import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { BlacklistService } from './blacklist.service';
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

/** Staff who read and record employers' compliance. */
const COMPLIANCE_STAFF: Role[] = ['INSPECTOR', 'SUPERVISOR', 'ADMIN'];
/** Listing, removal and publication are decisions of the bureau. */
const DECIDERS: Role[] = ['SUPERVISOR', 'ADMIN'];

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
  ) {}

  /** The employer's violation history, yearly grades, listings and audit trail. */
  @Get('employers/:employerId')
  @Roles(...COMPLIANCE_STAFF)
  @ApiOkResponse({ type: EmployerComplianceDto })
  record(
    @CurrentUser() user: Principal,
    @Param('employerId', employerUuid) employerId: string,
  ): Promise<EmployerComplianceDto> {
    return this.compliance.record(user, employerId);
  }

  /** A violation found outside the platform (historical records): source MANUAL. */
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

  /** Serves the prior notice of an intended listing; the employer may state its case within 5 working days. */
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

  /** Records the employer's statement (陈述申辩) on a notice. */
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
   * Lists the employer on the 拖欠农民工工资失信联合惩戒名单: after the notice and the statement period, on a violation
   * with the listing facts (409 with what is missing).
   */
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

  /** Early removal (信用修复): 6 months after the correction, with a credit commitment. */
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
  @Post('grades/runs')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiAcceptedResponse({ type: GradeRunViewDto })
  gradeRun(@Body() dto: GradeRunDto): Promise<GradeRunViewDto> {
    return this.compliance.startGradeRun(dto.year);
  }

  /** Publishes a finished quarter's major violations of the caller's jurisdiction (人社部令第29号). */
  @Post('publications')
  @Roles(...DECIDERS)
  @ApiCreatedResponse({ type: PublicationViewDto })
  publish(@CurrentUser() user: Principal, @Body() dto: PublishDto): Promise<PublicationViewDto> {
    return this.publications.publish(user, dto);
  }
}
