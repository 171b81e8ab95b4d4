import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: '抽取双随机检查计划',
    description: '区级抽取双随机检查计划：从用人单位名录随机抽取 N 家，每家随机指派两名监察员。',
  })
  @Post('plans')
  @Roles('SUPERVISOR')
  @ApiCreatedResponse({ type: PlanViewDto })
  create(@CurrentUser() user: Principal, @Body() dto: CreatePlanDto): Promise<PlanViewDto> {
    return this.plans.create(user, dto);
  }

  /** Plans drawn by the caller or with employers in the caller's jurisdictions, newest first. */
  @ApiOperation({
    summary: '检查计划列表',
    description: '本人抽取的计划或涉及本人管辖范围内用人单位的计划，最新的在前。',
  })
  @Get('plans')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanPageDto })
  list(@CurrentUser() user: Principal, @Query() q: PlanListQuery): Promise<PlanPageDto> {
    return this.plans.list(user, q);
  }

  @ApiOperation({ summary: '检查计划详情', description: '计划的抽取条件、随机种子、检查对象与检查人员。' })
  @Get('plans/:id')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: PlanViewDto })
  get(@CurrentUser() user: Principal, @Param('id', planId) id: string): Promise<PlanViewDto> {
    return this.plans.get(user, id);
  }

  /** 公开: publishes the plan (and, as they are recorded, its results) on the public endpoints. */
  @ApiOperation({ summary: '公开检查计划', description: '公开计划（以及随后登记的检查结果）。' })
  @Post('plans/:id/publish')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOkResponse({ type: PlanViewDto })
  publish(@CurrentUser() user: Principal, @Param('id', planId) id: string): Promise<PlanViewDto> {
    return this.plans.publish(user, id);
  }

  /** Records what the check of one drawn employer found (published with the plan). */
  @ApiOperation({
    summary: '登记检查结果',
    description: '登记对一家被抽中用人单位的检查结果（随计划公开）。',
  })
  @Post('plans/:id/items/:itemId/result')
  @HttpCode(200)
  // One of the item's inspectors or a supervisor (a violation found opens a case: an inspection act, 监察条例 第十六条).
  @Roles('INSPECTOR', 'SUPERVISOR')
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
  @ApiOperation({
    summary: '申报监察回避',
    description: '监察员申报（或督办人员登记）与某用人单位的利害关系（回避）。',
  })
  @Post('conflicts')
  // Not the operators' account: a conflict takes the inspector out of the draws (回避 is the body's decision).
  @Roles('INSPECTOR', 'SUPERVISOR')
  @ApiCreatedResponse({ type: ConflictViewDto })
  declare(@CurrentUser() user: Principal, @Body() dto: DeclareConflictDto): Promise<ConflictViewDto> {
    return this.conflicts.declare(user, dto);
  }
}
