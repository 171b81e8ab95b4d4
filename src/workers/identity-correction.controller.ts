import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { CASE_STAFF_ROLES, type Principal } from '../auth/roles';
import { CorrectIdentityDto, IdentityCorrectionDto } from './dto/identity-correction.dto';
import { IdentityCorrectionService } from './identity-correction.service';

/**
 * Staff correct a worker account's recorded identity. Case staff, who take walk-in complaints and check the ID card
 * of the person in front of them (not ADMIN, who administers staff accounts and meets no worker), of a worker with a
 * complaint in their jurisdiction (hers, or one naming her phone); anyone else is 404 WORKER_ACCOUNT_NOT_FOUND, as an
 * unknown phone, so the endpoint tells no staff member about accounts and identities outside their jurisdiction.
 */
@ApiTags('worker accounts')
@ApiBearerAuth()
@Controller('api/v1/worker-accounts')
export class IdentityCorrectionController {
  constructor(private readonly corrections: IdentityCorrectionService) {}

  @ApiOperation({
    summary: '更正劳动者账号的实名信息',
    description:
      '工作人员核验劳动者出示的身份证后，按身份证更正其账号登记的姓名和身份证号码，须填写更正原因（不含身份证号码）。' +
      '仅限在本人所辖范围内有投诉（本人账号的，或登记了该手机号的）的劳动者；其他人一律 404 WORKER_ACCOUNT_NOT_FOUND，与手机号无账号时相同。' +
      '更正后，以该账号手机号和更正后身份证号码录入的投诉关联到该账号；劳动者收到短信告知。',
  })
  @Post('identity-corrections')
  @Roles(...CASE_STAFF_ROLES)
  @ApiCreatedResponse({ type: IdentityCorrectionDto })
  correct(@CurrentUser() user: Principal, @Body() dto: CorrectIdentityDto): Promise<IdentityCorrectionDto> {
    return this.corrections.correct(user, dto);
  }
}
