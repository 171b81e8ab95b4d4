import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { MyCaseDto, MyCasePageDto, MyCasesQueryDto } from './dto/my-case.dto';
import { MyCasesService } from './my-cases.service';

function complaintIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'),
  });
}

@ApiTags('my')
@ApiBearerAuth()
@Controller('api/v1/my/cases')
export class MyCasesController {
  constructor(private readonly cases: MyCasesService) {}

  /** The worker's own case files (one per complaint): the step each is at and its next deadline; keyset pages. */
  @ApiOperation({
    summary: '我的案件列表',
    description: '本人每件投诉的案件档案摘要：当前环节、下一个期限与最近更新时间；游标分页，最新的在前。',
  })
  @Get()
  @Roles('WORKER')
  @ApiOkResponse({ type: MyCasePageDto })
  list(@CurrentUser() user: Principal, @Query() query: MyCasesQueryDto): Promise<MyCasePageDto> {
    return this.cases.list(user, query);
  }

  /**
   * One file across complaint → mediation → arbitration and inspection: the story with readable labels, the current
   * step and what to do next, who holds it, the deadlines, the instalments and the deadlines after an award.
   */
  @ApiOperation({
    summary: '我的案件档案',
    description:
      '从投诉到调解、仲裁和监察的一份档案：易读的办理经过、当前环节、下一步要做什么、由谁办理及期限。',
  })
  @Get(':id')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: MyCaseDto })
  get(@CurrentUser() user: Principal, @Param('id', complaintIdPipe()) id: string): Promise<MyCaseDto> {
    return this.cases.get(user, id);
  }
}
