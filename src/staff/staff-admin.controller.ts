import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Post('users')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: CreatedStaffDto })
  createUser(@CurrentUser() user: Principal, @Body() dto: CreateStaffDto): Promise<CreatedStaffDto> {
    return this.staff.create(user, dto);
  }

  @Get('users')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: StaffPageDto })
  listUsers(@CurrentUser() user: Principal, @Query() q: StaffQueryDto): Promise<StaffPageDto> {
    return this.staff.list(user, q);
  }

  @Get('users/:id')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: StaffAccountDto })
  getUser(
    @CurrentUser() user: Principal,
    @Param('id', idOf('USER_NOT_FOUND')) id: string,
  ): Promise<StaffAccountDto> {
    return this.staff.get(user, id);
  }

  @Patch('users/:id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: StaffAccountDto })
  updateUser(
    @CurrentUser() user: Principal,
    @Param('id', idOf('USER_NOT_FOUND')) id: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffAccountDto> {
    return this.staff.update(user, id, dto);
  }

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

  @Get('organisations')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: OrganisationListDto })
  listOrganisations(@CurrentUser() user: Principal): Promise<OrganisationListDto> {
    return this.organisations.list(user);
  }

  @Post('organisations')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: AdminOrganisationDto })
  createOrganisation(
    @CurrentUser() user: Principal,
    @Body() dto: CreateOrganisationDto,
  ): Promise<AdminOrganisationDto> {
    return this.organisations.create(user, dto);
  }

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

  @Get('audit')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: AdminAuditPageDto })
  auditTrail(@CurrentUser() user: Principal, @Query() q: AuditQueryDto): Promise<AdminAuditPageDto> {
    return this.audit.list(user, q);
  }
}
