import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import {
  EmployerRegisterQuery,
  RegisteredEmployerPageDto,
  RegisterEmployersDto,
  RegisterEmployersResultDto,
} from './dto/employer-register.dto';
import { EmployerRegisterService } from './employer-register.service';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('api/v1/employers')
export class EmployerRegisterController {
  constructor(private readonly register: EmployerRegisterService) {}

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
}
