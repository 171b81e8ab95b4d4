import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { ProfileDto, RecordProfileDto } from './dto/profile.dto';
import { WorkersService } from './workers.service';

/** The signed-in worker's own account: the verified phone and the real identity recorded once. */
@ApiTags('my')
@ApiBearerAuth()
@Controller('api/v1/my/profile')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @ApiOperation({
    summary: '我的账号信息',
    description: '本人的手机号，以及已登记的姓名与身份证号（登记后不能在此修改）。',
  })
  @Get()
  @Roles('WORKER')
  @ApiOkResponse({ type: ProfileDto })
  get(@CurrentUser() user: Principal): Promise<ProfileDto> {
    return this.workers.profile(user);
  }

  /** Records real name and ID number once; the worker's complaints then name this identity. */
  @ApiOperation({
    summary: '登记实名信息',
    description: '登记一次真实姓名和身份证号；此后本人的投诉使用该身份。',
  })
  @Post()
  @Roles('WORKER')
  @ApiCreatedResponse({ type: ProfileDto })
  record(@CurrentUser() user: Principal, @Body() dto: RecordProfileDto): Promise<ProfileDto> {
    return this.workers.recordIdentity(user, dto);
  }
}
