import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validation/transforms';

/**
 * Inspection of the employer's violations beside the arbitration of the worker's dispute (accepting the complaint,
 * routing it to inspection, opening its inspection case): why — recorded on the timeline with the arbitration case.
 */
export class ArbitrationOverrideDto {
  @ApiProperty({
    example: '欠薪违法行为另行监察，与仲裁请求并行',
    description:
      'Why the complaint is handled beside the arbitration that holds its dispute (409 DISPUTE_IN_ARBITRATION otherwise); recorded on the timeline',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}
