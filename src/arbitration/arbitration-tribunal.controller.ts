import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { ARBITRATION_DECIDING_ROLES } from './arbitration.constants';
import { ArbitrationRecusalService } from './arbitration-recusal.service';
import { ArbitrationReplacementService } from './arbitration-replacement.service';
import { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import { DecideRecusalDto, RecordRecusalDto, recusalUuid } from './dto/recusal.dto';
import { ReplaceArbitratorDto } from './dto/tribunal-replacement.dto';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('ARBITRATION_CASE_NOT_FOUND', 'No such arbitration case'),
});

/** The sitting tribunal's composition: a member replaced, a party's recusal application and its decision (回避). */
@ApiTags('arbitration')
@ApiBearerAuth()
@Controller('api/v1/arbitration/cases')
export class ArbitrationTribunalController {
  constructor(
    private readonly replacements: ArbitrationReplacementService,
    private readonly recusals: ArbitrationRecusalService,
  ) {}

  /** Replaces one member of the sitting tribunal: recused (调解仲裁法 第三十三条) or unable to act. */
  @ApiOperation({
    summary: '更换仲裁庭组成人员',
    description:
      '仲裁庭组成后（TRIBUNAL_FORMED、HEARING_SCHEDULED），仲裁委员会更换其中一名仲裁员：reason 为 RECUSAL（决定回避，调解仲裁法 第三十三条；该仲裁员此后不得再参与本案）或 UNABLE_TO_ACT（调离、停用、患病等）。' +
      '新仲裁员须为本案仲裁委员会的在任仲裁员、不在仲裁庭中、未在本案回避（400，字段错误；可指定的仲裁员见 GET /api/v1/staff/colleagues?proceeding=ARBITRATION&caseId=…）；离任者须为仲裁庭组成人员（400）。' +
      '仲裁庭人数不变；尚未开庭的庭审由新仲裁员参加（新仲裁员在同一时段另有庭审的，409 DOUBLE_BOOKING）；变更后的组成情况以短信告知双方当事人（第三十二条：申请人 ARBITRATION_TRIBUNAL_CHANGED，被申请人 ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER，无联系电话时由仲裁员另行告知），当事人可据此申请新仲裁员回避。其他状态为 409 ILLEGAL_TRANSITION。',
  })
  @Post(':id/tribunal/replacements')
  @HttpCode(200)
  @Roles(...ARBITRATION_DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  replaceArbitrator(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ReplaceArbitratorDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.replacements.replace(user, id, dto);
  }

  /** A party's application that a tribunal member withdraw (回避, 调解仲裁法 第三十三条), as the commission received it. */
  @ApiOperation({
    summary: '登记回避申请',
    description:
      '当事人以口头或者书面方式申请仲裁庭组成人员回避（调解仲裁法 第三十三条），由仲裁委员会工作人员登记：被申请回避的仲裁员须为仲裁庭组成人员，理由（grounds）为第三十三条第（一）至（四）项，receivedOn 在受理之日与今天之间（400，字段错误）。' +
      '仲裁庭组成后（TRIBUNAL_FORMED、HEARING_SCHEDULED）方可登记，其他状态 409 ILLEGAL_TRANSITION。申请内容保存于申请记录，不写入时间线。',
  })
  @Post(':id/recusals')
  @HttpCode(200)
  @Roles(...ARBITRATION_DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  recordRecusal(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RecordRecusalDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.recusals.record(user, id, dto);
  }

  /** The commission's decision on a recusal application: granted (the member is replaced) or refused; the party told. */
  @ApiOperation({
    summary: '对回避申请作出决定',
    description:
      '仲裁委员会对回避申请作出决定并通知提出申请的当事人（调解仲裁法 第三十三条：及时作出决定，以口头或者书面方式通知当事人；短信 ARBITRATION_RECUSAL_DECIDED 或 ARBITRATION_RECUSAL_DECIDED_EMPLOYER）。' +
      'GRANTED 须指定接替的仲裁员（incomingArbitratorId），同时按 POST /:id/tribunal/replacements 的规则更换（reason RECUSAL）；REFUSED 不得指定。已决定的申请 409 RECUSAL_ALREADY_DECIDED。' +
      '登记申请时开始计算决定期限 ARBITRATION_RECUSAL_DECISION（收到申请之日起三个工作日，办案规则 第十一条、第八十条），作出决定即停止。',
  })
  @Post(':id/recusals/:recusalId/decision')
  @HttpCode(200)
  @Roles(...ARBITRATION_DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  decideRecusal(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('recusalId', recusalUuid) recusalId: string,
    @Body() dto: DecideRecusalDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.recusals.decide(user, id, recusalId, dto);
  }
}
