import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { colleaguesLink } from '../../staff/colleagues';
import { recordsFindings } from '../inspection-findings.rules';
import { FindingsDto, Text } from './inspection.dto';
import { InvestigatingTeam } from './team-of-two';

/** 责令改正指令书; findings given with it (arrears, workers…) name the inspectors who made them, as any findings do. */
export class OrderRectifyDto extends FindingsDto {
  @ApiProperty({ example: '未按时足额支付劳动者工资' })
  @Text(2000)
  violations: string;

  @ApiProperty({ example: '2026-12-10', description: 'Compliance deadline (责令改正期限)' })
  @IsLocalDate()
  complianceDueOn: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'The inspectors who made the findings this order records: required, at least 2 different ones, when any finding ' +
      `(arrearsFen, workersAffected, monthsUnpaid, massIncident) is given (劳动保障监察条例 第十六条), as for POST …/findings; ` +
      `not needed for an order on findings already recorded. The ids the case accepts: GET ${colleaguesLink('INSPECTION')}`,
  })
  // Validated whenever the order records findings (or names inspectors), absent otherwise.
  @ValidateIf((o: OrderRectifyDto) => recordsFindings(o))
  @InvestigatingTeam()
  inspectorIds?: string[];
}
