import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import type { ErrorCode } from '../common/errors/catalogue';
import { AdminAuditService } from './admin-audit.service';
import {
  AdminAuditPageDto,
  AdminOrganisationDto,
  AuditQueryDto,
  CreatedStaffDto,
  CreateOrganisationDto,
  CreateStaffDto,
  OrganisationListDto,
  StaffAccountDto,
  StaffUpdatedDto,
  StaffPageDto,
  StaffQueryDto,
  TemporaryPasswordDto,
  UpdateOrganisationDto,
  UpdateStaffDto,
} from './dto/admin.dto';
import { OrganisationsAdminService } from './organisations-admin.service';
import { StaffAdminService } from './staff-admin.service';

/** A malformed id names nothing: 404 like a well-formed id outside the caller's jurisdiction. */
const idOf = (code: ErrorCode) =>
  new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound(code, 'Not found in your jurisdiction'),
  });

/** Staff and organisation administration: ADMIN changes, SUPERVISOR reads, both within their jurisdiction. */
@ApiTags('admin: staff')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class StaffAdminController {
  constructor(
    private readonly staff: StaffAdminService,
    private readonly organisations: OrganisationsAdminService,
    private readonly audit: AdminAuditService,
  ) {}

  @ApiOperation({
    summary: '新建工作人员账号',
    description: '新建工作人员账号，返回仅显示一次的临时密码；角色须与机构相符，管辖范围须在机构范围内。',
  })
  @Post('users')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: CreatedStaffDto })
  createUser(@CurrentUser() user: Principal, @Body() dto: CreateStaffDto): Promise<CreatedStaffDto> {
    return this.staff.create(user, dto);
  }

  @ApiOperation({ summary: '工作人员账号列表', description: '管辖范围内的工作人员账号。' })
  @Get('users')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: StaffPageDto })
  listUsers(@CurrentUser() user: Principal, @Query() q: StaffQueryDto): Promise<StaffPageDto> {
    return this.staff.list(user, q);
  }

  @ApiOperation({ summary: '工作人员账号详情', description: '一个工作人员账号的角色、机构与管辖范围。' })
  @Get('users/:id')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: StaffAccountDto })
  getUser(
    @CurrentUser() user: Principal,
    @Param('id', idOf('USER_NOT_FOUND')) id: string,
  ): Promise<StaffAccountDto> {
    return this.staff.get(user, id);
  }

  @ApiOperation({
    summary: '修改工作人员账号',
    description:
      '修改姓名、角色、机构、管辖范围或启用状态（下一次请求起生效；不能停用最后一个管理员）。停用、改变角色或调离后不能再承办的在办案件，' +
      '同一事务中移交给本机构负责该街道的其他在任人员（无人可接时退回本机构待分配），记入案件时间线，并在 casesHandedOver 中列出。',
  })
  @Patch('users/:id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: StaffUpdatedDto })
  updateUser(
    @CurrentUser() user: Principal,
    @Param('id', idOf('USER_NOT_FOUND')) id: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffUpdatedDto> {
    return this.staff.update(user, id, dto);
  }

  @ApiOperation({ summary: '重置密码', description: '为工作人员生成新的临时密码（仅显示一次）。' })
  @Post('users/:id/reset-password')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOkResponse({ type: TemporaryPasswordDto })
  resetPassword(
    @CurrentUser() user: Principal,
    @Param('id', idOf('USER_NOT_FOUND')) id: string,
  ): Promise<TemporaryPasswordDto> {
    return this.staff.resetPassword(user, id);
  }

  @ApiOperation({
    summary: '机构列表',
    description: '管辖范围内的机构（调解组织、仲裁委、监察大队、人社局）。',
  })
  @Get('organisations')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: OrganisationListDto })
  listOrganisations(@CurrentUser() user: Principal): Promise<OrganisationListDto> {
    return this.organisations.list(user);
  }

  @ApiOperation({ summary: '新建机构', description: '新建一个机构及其管辖范围。' })
  @Post('organisations')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: AdminOrganisationDto })
  createOrganisation(
    @CurrentUser() user: Principal,
    @Body() dto: CreateOrganisationDto,
  ): Promise<AdminOrganisationDto> {
    return this.organisations.create(user, dto);
  }

  @ApiOperation({ summary: '修改机构', description: '修改机构的名称、类型或管辖范围。' })
  @Patch('organisations/:id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: AdminOrganisationDto })
  updateOrganisation(
    @CurrentUser() user: Principal,
    @Param('id', idOf('ORGANISATION_NOT_FOUND')) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<AdminOrganisationDto> {
    return this.organisations.update(user, id, dto);
  }

  @ApiOperation({
    summary: '管理操作审计',
    description: '谁在何时修改了什么（账号与机构的管理操作），可按操作人、对象和时间筛选。',
  })
  @Get('audit')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: AdminAuditPageDto })
  auditTrail(@CurrentUser() user: Principal, @Query() q: AuditQueryDto): Promise<AdminAuditPageDto> {
    return this.audit.list(user, q);
  }
}
