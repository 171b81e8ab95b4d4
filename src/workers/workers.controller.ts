import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Get()
  @Roles('WORKER')
  @ApiOkResponse({ type: ProfileDto })
  get(@CurrentUser() user: Principal): Promise<ProfileDto> {
    return this.workers.profile(user);
  }

  /** Records real name and ID number once; the worker's complaints then name this identity. */
  @Post()
  @Roles('WORKER')
  @ApiCreatedResponse({ type: ProfileDto })
  record(@CurrentUser() user: Principal, @Body() dto: RecordProfileDto): Promise<ProfileDto> {
    return this.workers.recordIdentity(user, dto);
  }
}
