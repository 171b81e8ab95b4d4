import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { PiiAccessPageDto, PiiAccessQuery } from './dto/pii-access.dto';
import { PiiAccessService } from './pii-access.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/pii-access')
export class PiiAccessController {
  constructor(private readonly access: PiiAccessService) {}

  /** Reads of unmasked ID numbers and phones by staff (who, which case, when, why), newest first. */
  @ApiOperation({
    summary: '个人信息查看记录',
    description: '工作人员查看未脱敏身份证号和手机号的记录（谁、哪个案件、何时、为何），最新的在前。',
  })
  @Get()
  @Roles('ADMIN')
  @ApiOkResponse({ type: PiiAccessPageDto })
  list(@Query() q: PiiAccessQuery): Promise<PiiAccessPageDto> {
    return this.access.list(q);
  }
}
