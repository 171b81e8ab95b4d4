import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { REQUEST_CHANNELS, type RequestChannel } from '../../complaints/withdrawal.rules';
import { NON_AWARD_CLOSURES, type NonAwardClosure } from '../arbitration.constants';
import { WITHDRAWAL_BASES, type WithdrawalBasis } from '../withdrawal.rules';
import { VersionDto } from './arbitration.dto';

export class MediatedClaimDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  claimId: string;

  @ApiProperty({ example: 1_000_000, description: 'Amount agreed in the 调解书, fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  agreedFen: number;
}

/** On what a WITHDRAWN closing rests: the applicant's request, or a hearing they missed (arbitration/withdrawal.rules.ts). */
export class ArbitrationWithdrawalDto {
  @ApiProperty({
    enum: WITHDRAWAL_BASES,
    description:
      'APPLICANT_REQUEST: the applicant asked to withdraw (调解仲裁法 第四十一条, 办案规则 第三十五条); ' +
      'ABSENT_FROM_HEARING: notified in writing, the applicant missed a hearing held (第三十六条, 办案规则 第三十九条)',
  })
  @IsIn(WITHDRAWAL_BASES)
  basis: WithdrawalBasis;

  @ApiPropertyOptional({
    enum: REQUEST_CHANNELS,
    description: 'APPLICANT_REQUEST (required): how the request came',
  })
  @ValidateIf((o: ArbitrationWithdrawalDto) => o.basis === 'APPLICANT_REQUEST')
  @IsIn(REQUEST_CHANNELS)
  channel?: RequestChannel;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'ABSENT_FROM_HEARING (required): the hearing held whose record shows the applicant absent',
  })
  @ValidateIf((o: ArbitrationWithdrawalDto) => o.basis === 'ABSENT_FROM_HEARING')
  @IsUUID()
  hearingId?: string;

  @ApiPropertyOptional({ description: 'When and to whom, e.g. the letter received', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CloseArbitrationDto extends VersionDto {
  @ApiProperty({ enum: NON_AWARD_CLOSURES })
  @IsIn(NON_AWARD_CLOSURES)
  closureType: NonAwardClosure;

  @ApiPropertyOptional({
    type: [MediatedClaimDto],
    description: 'MEDIATED: the 仲裁调解书, one entry per claim',
  })
  @ValidateIf((o: CloseArbitrationDto) => o.closureType === 'MEDIATED')
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => MediatedClaimDto)
  mediatedClaims?: MediatedClaimDto[];

  @ApiPropertyOptional({
    example: '2026-03-20',
    description:
      'MEDIATED (required): the day the last party signed for (签收) the 调解书 — it takes effect then (调解仲裁法 第四十二条); ' +
      'not after today, not before the acceptance. Until both sign, the case stays open, and if a party goes back on ' +
      'it the tribunal awards. Ignored for other closures.',
  })
  @IsOptional()
  @IsLocalDate()
  signedOn?: string;

  @ApiPropertyOptional({
    type: ArbitrationWithdrawalDto,
    description:
      'WITHDRAWN (required): the applicant’s request or the hearing they missed; staff never withdraw alone',
  })
  @ValidateIf((o: CloseArbitrationDto) => o.closureType === 'WITHDRAWN')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ArbitrationWithdrawalDto)
  withdrawal?: ArbitrationWithdrawalDto;

  @ApiPropertyOptional({
    description: 'TERMINATED (required): why the proceedings end (终止审理)',
    maxLength: 500,
  })
  @ValidateIf((o: CloseArbitrationDto) => o.closureType === 'TERMINATED')
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}
