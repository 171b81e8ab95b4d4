import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import {
  AtRiskDto,
  AtRiskQueryDto,
  MonthlyReportQueryDto,
  SlaSeriesDto,
  SlaSeriesQueryDto,
  SlaSummaryDto,
  SlaYearQueryDto,
} from './dto/sla.dto';
import { SlaAtRisk } from './sla-at-risk';
import { monthlyReportCsv, monthlyReportXlsx } from './sla-report.export';
import { SlaReportService } from './sla-report.service';
import { SlaService } from './sla.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Closure-rate KPIs for staff; each caller sees the numbers of their jurisdictions only. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla')
export class SlaController {
  constructor(
    private readonly sla: SlaService,
    private readonly reports: SlaReportService,
    private readonly openCases: SlaAtRisk,
  ) {}

  @ApiOperation({
    summary: '结案率汇总',
    description: '某年仲裁与监察（及调解）的结案率及其目标（92% / 98%）。',
  })
  @Get('summary')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: SlaSummaryDto })
  summary(@CurrentUser() user: Principal, @Query() q: SlaYearQueryDto): Promise<SlaSummaryDto> {
    return this.sla.summary(user, q);
  }

  @ApiOperation({ summary: '结案率月度序列', description: '按月的结案率序列，可按街道筛选。' })
  @Get('series')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: SlaSeriesDto })
  series(@CurrentUser() user: Principal, @Query() q: SlaSeriesQueryDto): Promise<SlaSeriesDto> {
    return this.sla.series(user, q);
  }

  @ApiOperation({
    summary: '可能超期的案件',
    description:
      '未结且可能超过法定期限的案件，最早到期的在前（已超期的在最前）：待作出受理决定的仲裁申请、待作出立案决定的监察案件，已受理的仲裁案件与已立案的监察案件。',
  })
  @Get('at-risk')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: AtRiskDto })
  atRisk(@CurrentUser() user: Principal, @Query() q: AtRiskQueryDto): Promise<AtRiskDto> {
    return this.openCases.list(user, q);
  }

  /** The monthly report, one row per street in scope, as an XLSX workbook or CSV. */
  @ApiOperation({ summary: '月度报表', description: '每个所辖街道一行的月度报表，XLSX 或 CSV 格式。' })
  @Get('reports/monthly')
  @Roles(...STAFF_ROLES)
  @ApiProduces(XLSX_TYPE, 'text/csv')
  @ApiOkResponse({ description: 'The report file (attachment)' })
  async monthly(
    @CurrentUser() user: Principal,
    @Query() q: MonthlyReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const report = await this.reports.monthlyReport(user, q);
    const format = q.format ?? 'xlsx';
    const name = `sla-monthly-${q.street ?? 'all'}-${report.period}.${format}`;
    void reply.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    void reply.header('Content-Disposition', `attachment; filename="${name}"`);
    void reply.header('Cache-Control', 'no-store');
    return format === 'csv' ? monthlyReportCsv(report) : monthlyReportXlsx(report);
  }
}
