import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { ComplaintCorrectionService } from './complaint-correction.service';
import { complaintIdPipe, DECIDING_ROLES } from './complaints.controller';
import { ComplaintViewDto } from './dto/complaint-view.dto';
import { RequestCorrectionDto, SupplyCorrectionDto } from './dto/correction.dto';

/** 补正 (若干规定 第十八条第三款): asking for and supplying the missing employer of a complaint. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintCorrectionController {
  constructor(private readonly corrections: ComplaintCorrectionService) {}

  @ApiOperation({ summary: '要求补正投诉', description: '工作人员要求投诉人补正材料，受理期限暂停计算。' })
  @Post(':id/correction-request')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  request(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: RequestCorrectionDto,
  ): Promise<ComplaintViewDto> {
    return this.corrections.request(user, id, dto);
  }

  @ApiOperation({ summary: '补正投诉', description: '投诉人提交补正内容，受理期限恢复计算。' })
  @Post(':id/correction')
  @HttpCode(200)
  @Roles('WORKER', ...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  supply(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: SupplyCorrectionDto,
  ): Promise<ComplaintViewDto> {
    return this.corrections.supply(user, id, dto);
  }
}
