import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { ROLES, STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { CalendarService } from './calendar.service';
import {
  CalendarStatusDto,
  CalendarYearDto,
  DeadlineAnswerDto,
  DeadlineQueryDto,
  DeadlineRuleDto,
  PutCalendarYearDto,
  WorkdaysAnswerDto,
  WorkdaysQueryDto,
  YearParam,
} from './dto/calendar.dto';
import { DeadlineRuleCatalogue } from './deadline-catalogue';
import { isValidIsoDate } from './local-date';

function realDate(field: string, value: string): void {
  if (!isValidIsoDate(value) || Number(value.slice(0, 4)) < 2000 || Number(value.slice(0, 4)) > 2100)
    throw AppException.validation([
      fieldError(
        field,
        'isLocalDate',
        `${field} 须为 2000-01-01 至 2100-12-31 之间的有效日期`,
        `${field} must be a real date between 2000-01-01 and 2100-12-31`,
      ),
    ]);
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly catalogue: DeadlineRuleCatalogue,
  ) {}

  /** Every statutory period rule: what the deadline engine counts, from what, and on which legal basis. */
  @ApiOperation({
    summary: '法定期限规则',
    description: '期限引擎计算的每条法定期限：从何时起算、计算多少以及法律依据。',
  })
  @Get('rules')
  @Roles(...ROLES)
  @ApiOkResponse({ type: [DeadlineRuleDto] })
  rules(): DeadlineRuleDto[] {
    return this.catalogue.entries();
  }

  /** "By when must I…": a statutory rule from a date (`rule`), or a bare period (`amount` and `unit`). */
  @ApiOperation({
    summary: '计算期限',
    description: '"何时到期"：按法定规则（rule）或单纯期间（amount 与 unit）从某日起算期限届满日。',
  })
  @Get('deadline')
  @Roles(...ROLES)
  @ApiOkResponse({ type: DeadlineAnswerDto })
  async deadline(@Query() q: DeadlineQueryDto): Promise<DeadlineAnswerDto> {
    realDate('from', q.from);
    if (q.rule !== undefined) {
      if (q.amount !== undefined || q.unit !== undefined)
        throw AppException.validation([
          fieldError(
            'rule',
            'exactlyOne',
            '请填写 rule，或填写 amount 与 unit，不能同时填写',
            'give either rule, or amount and unit, not both',
          ),
        ]);
      if (!this.catalogue.has(q.rule))
        throw AppException.validation([
          fieldError('rule', 'isIn', 'rule 须为法定期限规则的编号', 'rule must be a statutory rule id'),
        ]);
      return this.calendar.ruleDeadline(q.rule, q.from);
    }
    const amount = q.amount!;
    const unit = q.unit!;
    const { due, provisional } = await this.calendar.adHocDeadline(q.from, amount, unit);
    return { from: q.from, amount, unit, due, provisional };
  }

  @ApiOperation({ summary: '工作日天数', description: '两个日期之间的工作日天数（按法定节假日与调休）。' })
  @Get('workdays')
  @Roles(...ROLES)
  @ApiOkResponse({ type: WorkdaysAnswerDto })
  async workdays(@Query() q: WorkdaysQueryDto): Promise<WorkdaysAnswerDto> {
    realDate('from', q.from);
    realDate('to', q.to);
    const { count, provisional } = await this.calendar.workdays(q.from, q.to);
    return { from: q.from, to: q.to, workdays: count, provisional };
  }

  @ApiOperation({
    summary: '日历状态',
    description: '今天的日期、各年份节假日数据的覆盖范围与来源，以及提醒（如下一年的安排尚未载入）。',
  })
  @Get('status')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOkResponse({ type: CalendarStatusDto })
  status(): Promise<CalendarStatusDto> {
    return this.calendar.status();
  }

  @ApiOperation({ summary: '年度工作日历', description: '某一年的节假日与调休安排。' })
  @Get('years/:year')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: CalendarYearDto })
  getYear(@Param() p: YearParam): Promise<CalendarYearDto> {
    return this.calendar.getYear(p.year);
  }

  @ApiOperation({
    summary: '设置年度工作日历',
    description: '录入或更正某一年的节假日与调休安排（国务院办公厅通知）。',
  })
  @Put('years/:year')
  @Roles('ADMIN')
  @ApiOkResponse({ type: CalendarYearDto })
  putYear(
    @CurrentUser() admin: Principal,
    @Param() p: YearParam,
    @Body() body: PutCalendarYearDto,
  ): Promise<CalendarYearDto> {
    return this.calendar.putYear(admin.userId, { year: p.year, ...body });
  }
}
