import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { CASE_STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import {
  ConfirmEmployerContactDto,
  ConfirmEmployerNameDto,
  EmployerContactDto,
  EmployerNameDto,
} from './dto/employer-contact.dto';
import {
  EmployerRegisterQuery,
  RegisteredEmployerPageDto,
  RegisterEmployersDto,
  RegisterEmployersResultDto,
} from './dto/employer-register.dto';
import { EmployerEditsService } from './employer-edits.service';
import { EmployerRegisterService } from './employer-register.service';

const employerId = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer'),
});

@ApiTags('employers')
@ApiBearerAuth()
@Controller('api/v1/employers')
export class EmployerRegisterController {
  constructor(
    private readonly register: EmployerRegisterService,
    private readonly edits: EmployerEditsService,
  ) {}

  /** Registers employers, or updates the classification of registered ones (by USCC), in bulk: all or none. */
  @ApiOperation({
    summary: '批量登记用人单位',
    description: '按统一社会信用代码批量登记用人单位或更新其分类：全部成功或全部不变。',
  })
  @Post('register')
  @HttpCode(200)
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: RegisterEmployersResultDto })
  bulk(
    @CurrentUser() user: Principal,
    @Body() dto: RegisterEmployersDto,
  ): Promise<RegisterEmployersResultDto> {
    return this.register.register(user, dto.employers);
  }

  /** The register, within the caller's jurisdictions, newest first. */
  @ApiOperation({ summary: '用人单位名录', description: '所辖范围内的用人单位名录，最新的在前。' })
  @Get()
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: RegisteredEmployerPageDto })
  list(
    @CurrentUser() user: Principal,
    @Query() q: EmployerRegisterQuery,
  ): Promise<RegisteredEmployerPageDto> {
    return this.register.list(user, q);
  }

  /**
   * Confirms or corrects the register's name of one employer: its street's supervisors and inspectors (who verify it
   * against the business licence while investigating), for one registered in no street the administrator and the
   * staff of an open inspection case about it.
   */
  @ApiOperation({
    summary: '确认或更正用人单位名称',
    description:
      '核实营业执照（统一社会信用代码）后确认或更正名录中的用人单位名称（无需批量登记）；此前由投诉、举报填写的名称仅为暂定名称，' +
      '以该单位为对象的监察文书须待名称确认后制发。名录中登记了街道的单位由该街道的督办人员、监察员确认；未登记街道的单位由系统管理员，' +
      '或办理该单位未结监察案件的人员（未申报回避）确认。',
  })
  @Put(':id/name')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: EmployerNameDto })
  confirmName(
    @CurrentUser() user: Principal,
    @Param('id', employerId) id: string,
    @Body() dto: ConfirmEmployerNameDto,
  ): Promise<EmployerNameDto> {
    return this.edits.confirmName(user, id, dto.name);
  }

  /** Confirms the employer's contact number without a complaint (e.g. before a planned inspection). */
  @ApiOperation({
    summary: '确认用人单位联系电话（名录）',
    description:
      '办案人员核实后确认用人单位的联系手机号（如计划检查的对象，无投诉时），此后发给该单位的短信发往该号码。',
  })
  @Put(':id/contact')
  @Roles(...CASE_STAFF_ROLES)
  @ApiOkResponse({ type: EmployerContactDto })
  confirmContact(
    @CurrentUser() user: Principal,
    @Param('id', employerId) id: string,
    @Body() dto: ConfirmEmployerContactDto,
  ): Promise<EmployerContactDto> {
    return this.edits.confirmContact(user, id, dto.contactPhone);
  }
}
