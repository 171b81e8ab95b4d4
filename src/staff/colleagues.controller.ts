import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { CASE_STAFF_ROLES, type Principal } from '../auth/roles';
import { Colleagues } from './colleagues';
import { ColleagueListDto, ColleaguesQueryDto } from './dto/colleagues.dto';

/** Where case-handling staff find the colleagues an act must name (their user ids). */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/staff')
export class ColleaguesController {
  constructor(private readonly colleagues: Colleagues) {}

  @ApiOperation({
    summary: '可选的同事',
    description:
      '某案件上一项办案行为可以指定的同事（在任账号）：立案与调查检查记录的 inspectorIds（劳动保障监察条例 第十六条：' +
      '调查、检查不得少于2人）、组成仲裁庭与开庭的 arbitratorIds（调解仲裁法 第三十一条）、转交调解的 mediatorUserId。' +
      '所列即该行为会接受的账号，只显示姓名、角色与机构。',
  })
  @Get('colleagues')
  @Roles(...CASE_STAFF_ROLES)
  @ApiOkResponse({ type: ColleagueListDto })
  async list(@CurrentUser() user: Principal, @Query() q: ColleaguesQueryDto): Promise<ColleagueListDto> {
    const found = await this.colleagues.list(user, q.proceeding, q.caseId);
    return { proceeding: q.proceeding, caseId: q.caseId, ...found };
  }
}
