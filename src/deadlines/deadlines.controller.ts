import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import type { ClockEvent } from '../calendar/deadline-engine';
import { AppException } from '../common/errors/app-exception';
import { DeadlinesService } from './deadlines.service';
import { ClockEventDto, ClockViewDto, DueQueryDto } from './dto/deadlines.dto';

function clockIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('CLOCK_NOT_FOUND', 'No such clock'),
  });
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/v1/deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** The clocks of the caller's jurisdictions that will breach within the window (or have), soonest first. */
  @ApiOperation({
    summary: '即将到期的期限',
    description: '所辖范围内将在时间窗口内到期（或已超期）的法定期限，最早到期的在前。',
  })
  @Get('due')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [ClockViewDto] })
  due(@CurrentUser() user: Principal, @Query() q: DueQueryDto): Promise<ClockViewDto[]> {
    return this.deadlines.dueWithin(user, q.within ?? 3, q.unit ?? 'WORKDAY');
  }

  @ApiOperation({
    summary: '登记期限事件',
    description:
      '登记期限的中止、恢复或延长等事件；延长须由督办人员批准。事件日期不得晚于今天（400 notInFuture）；期限已超期后，' +
      '使其不再超期的事件（日期在届满日或之前的中止、延长，或重新计算）只能由督办人员登记以更正记录（409 CLOCK_BREACHED）。',
  })
  @Post(':clockId/events')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: ClockViewDto })
  addEvent(
    @CurrentUser() user: Principal,
    @Param('clockId', clockIdPipe()) clockId: string,
    @Body() dto: ClockEventDto,
  ): Promise<ClockViewDto> {
    const event = { ...dto, approver: user.userId } as unknown as ClockEvent;
    return this.deadlines.recordEvent(user, clockId, event);
  }
}
