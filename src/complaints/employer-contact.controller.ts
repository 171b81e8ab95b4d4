import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { complaintIdPipe, DECIDING_ROLES } from './complaints.controller';
import { ConfirmEmployerContactDto, EmployerContactDto } from '../reference/dto/employer-contact.dto';
import { EmployerContactService } from './employer-contact.service';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class EmployerContactController {
  constructor(private readonly contacts: EmployerContactService) {}

  @ApiOperation({
    summary: '确认用人单位联系电话',
    description:
      '办案人员核实后确认被投诉用人单位的联系手机号，此后发给用人单位的短信发往该号码；投诉人、举报人填写的号码仅作为其陈述，不会被发送短信。',
  })
  @Put(':id/employer-contact')
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: EmployerContactDto })
  confirm(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: ConfirmEmployerContactDto,
  ): Promise<EmployerContactDto> {
    return this.contacts.confirm(user, id, dto.contactPhone);
  }
}
