import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import type { Principal } from '../../auth/roles';
import { AppException } from '../../common/errors/app-exception';
import { ConflictsService } from './conflicts.service';
import {
  ConflictViewDto,
  CreatePlanDto,
  DeclareConflictDto,
  PlanListQuery,
  PlanPageDto,
  PlanViewDto,
  RecordResultDto,
} from './dto/plans.dto';
import { PlansService } from './plans.service';

const planId = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('INSPECTION_PLAN_NOT_FOUND', 'No such inspection plan'),
});
const itemId = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('PLAN_ITEM_NOT_FOUND', 'No such item in this plan'),
});

@ApiTags('inspection plans')
@ApiBearerAuth()
@Controller('api/v1/inspection')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly conflicts: ConflictsService,
  ) {}

  /** Draws a 双随机 plan (district level): N employers from the register, two inspectors each. */
  @Post('plans')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiCreatedResponse({ type: PlanViewDto })
  create(@CurrentUser() user: Principal, @Body() dto: CreatePlanDto): Promise<PlanViewDto> {
    return this.plans.create(user, dto);
  }

  /** Plans drawn by the caller or with employers in the caller's jurisdictions, newest first. */
  @Get('plans')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanPageDto })
  list(@CurrentUser() user: Principal, @Query() q: PlanListQuery): Promise<PlanPageDto> {
    return this.plans.list(user, q);
  }

  @Get('plans/:id')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanViewDto })
  get(@CurrentUser() user: Principal, @Param('id', planId) id: string): Promise<PlanViewDto> {
    return this.plans.get(user, id);
  }

  /** 公开: publishes the plan (and, as they are recorded, its results) on the public endpoints. */
  @Post('plans/:id/publish')
  @HttpCode(200)
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanViewDto })
  publish(@CurrentUser() user: Principal, @Param('id', planId) id: string): Promise<PlanViewDto> {
    return this.plans.publish(user, id);
  }

  /** Records what the check of one drawn employer found (published with the plan). */
  @Post('plans/:id/items/:itemId/result')
  @HttpCode(200)
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanViewDto })
  result(
    @CurrentUser() user: Principal,
    @Param('id', planId) id: string,
    @Param('itemId', itemId) item: string,
    @Body() dto: RecordResultDto,
  ): Promise<PlanViewDto> {
    return this.plans.recordResult(user, id, item, dto);
  }

  /** 回避: an inspector declares (or a supervisor records) a conflict of interest with an employer. */
  @Post('conflicts')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiCreatedResponse({ type: ConflictViewDto })
  declare(@CurrentUser() user: Principal, @Body() dto: DeclareConflictDto): Promise<ConflictViewDto> {
    return this.conflicts.declare(user, dto);
  }
}
