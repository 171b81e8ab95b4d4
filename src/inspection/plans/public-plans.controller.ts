import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../../auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { CursorQuery } from '../../common/http/pagination';
import { PlanPageDto, PlanVerificationDto, PublicPlanDto } from './dto/plans.dto';
import { PlansService } from './plans.service';

const planId = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('INSPECTION_PLAN_NOT_FOUND', 'No such inspection plan'),
});

/** 一公开: published random-inspection plans and their results. No login, rate-limited, no personal data. */
@ApiTags('public')
@Controller('api/v1/public/inspection-plans')
export class PublicPlansController {
  constructor(private readonly plans: PlansService) {}

  @ApiOperation({ summary: '已公开的检查计划', description: '已公开的双随机检查计划（公开，无需登录）。' })
  @Get()
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @ApiOkResponse({ type: PlanPageDto })
  list(@Query() q: CursorQuery): Promise<PlanPageDto> {
    return this.plans.publicList(q.cursor, q.limit);
  }

  @ApiOperation({
    summary: '已公开的检查计划详情',
    description: '一份已公开计划的抽取结果与检查结果（公开，无需登录）。',
  })
  @Get(':id')
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @ApiOkResponse({ type: PublicPlanDto })
  get(@Param('id', planId) id: string): Promise<PublicPlanDto> {
    return this.plans.publicGet(id);
  }

  /** Re-runs the draw from the recorded seed over the stored snapshot and says whether it gives the same result. */
  @ApiOperation({
    summary: '验证随机抽取',
    description: '用记录的随机种子在存档的快照上重新抽取，说明结果是否一致（公开，无需登录）。',
  })
  @Get(':id/verify')
  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOkResponse({ type: PlanVerificationDto })
  verify(@Param('id', planId) id: string): Promise<PlanVerificationDto> {
    return this.plans.verify(id);
  }
}
