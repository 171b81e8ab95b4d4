import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { Text } from './text';

/** A province's figures for 拒不支付劳动报酬罪 (the wage-crime threshold), and their view on a case. */
export class WageCrimeThresholdDto {
  @ApiProperty({ example: '31', description: 'GB/T 2260 province code (2 digits)' })
  @Matches(/^\d{2}$/)
  provinceCode: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsLocalDate()
  effectiveFrom: string;

  @ApiProperty({ example: 2_000_000, description: 'One worker, 3+ months: fen (500000..2000000)' })
  @IsInt()
  singleWorkerFen: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  singleWorkerMinMonths: number;

  @ApiProperty({ example: 10 })
  @IsInt()
  multiWorkers: number;

  @ApiProperty({ example: 10_000_000, description: '10+ workers, total fen (3000000..10000000)' })
  @IsInt()
  multiWorkersTotalFen: number;

  @ApiProperty({ example: '上海市高级人民法院关于拒不支付劳动报酬罪数额标准的通知' })
  @Text(500)
  basis: string;
}

export class WageCrimeThresholdViewDto extends WageCrimeThresholdDto {
  @ApiProperty({ description: 'False when the figure could not be checked against its source' })
  verified: boolean;
}

export class WageCrimeViewDto {
  @ApiProperty()
  meets: boolean;

  @ApiProperty({ type: WageCrimeThresholdViewDto, nullable: true })
  threshold: WageCrimeThresholdViewDto | null;

  @ApiProperty({ type: [String] })
  reasons: string[];
}
