import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { ArbitrationCorrectionService } from './arbitration-correction.service';
import { ARBITRATION_DECIDING_ROLES } from './arbitration.constants';
import { arbitrationIdPipe as uuid } from './arbitration.controller';
import { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import { RequestArbitrationCorrectionDto, SupplyArbitrationCorrectionDto } from './dto/correction.dto';

/** 补正 of an arbitration application (劳动人事争议仲裁办案规则 第二十九条第四款): asked once by the commission, supplied by the applicant. */
@ApiTags('arbitration')
@ApiBearerAuth()
@Controller('api/v1/arbitration/cases')
export class ArbitrationCorrectionController {
  constructor(private readonly corrections: ArbitrationCorrectionService) {}

  @ApiOperation({
    summary: '通知补正仲裁申请',
    description:
      '仲裁申请书不规范或者材料不齐备的，仲裁委员会在收到申请之日起5个工作日内一次性告知申请人需要补正的全部材料' +
      '（办案规则 第二十九条第四款）；受理审查期限暂停，自收到补正材料之日起重新计算。' +
      '只能通知一次（409 ARBITRATION_CORRECTION_ALREADY_REQUESTED）；受理审查期限已过的为 409 ARBITRATION_CORRECTION_TOO_LATE。',
  })
  @Post(':id/correction-request')
  @HttpCode(200)
  @Roles(...ARBITRATION_DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  request(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RequestArbitrationCorrectionDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.corrections.request(user, id, dto);
  }

  @ApiOperation({
    summary: '补正仲裁申请',
    description:
      '申请人（或仲裁委员会工作人员据申请人当面补正）逐项提交补正材料；要求补正仲裁请求的，claims 为补正后的全部请求。' +
      '受理审查期限自当日起重新计算5个工作日，并通知仲裁委员会。',
  })
  @Post(':id/correction')
  @HttpCode(200)
  @Roles('WORKER', ...ARBITRATION_DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  supply(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: SupplyArbitrationCorrectionDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.corrections.supply(user, id, dto);
  }
}
