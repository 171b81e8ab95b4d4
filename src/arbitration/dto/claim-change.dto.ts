import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import { CLAIM_CHANGE_DESCRIPTION_MAX } from '../claim-change.rules';
import { ClaimInputDto, VersionDto } from './arbitration.dto';

/**
 * A changed claim (变更仲裁请求): its new description and/or amount, validated as an application's claim; the claim
 * keeps its number and type.
 */
export class ChangedClaimDto extends PartialType(
  PickType(ClaimInputDto, ['description', 'amountFen'] as const),
) {
  @ApiProperty({ format: 'uuid', description: 'A claim of this case not yet decided' })
  @IsUUID()
  claimId: string;
}

/** 办案规则 (2017) 第四十四条: the tribunal accepted the applicant's changed or increased claims. */
export class AcceptClaimChangeDto extends VersionDto {
  @ApiProperty({
    example: '2026-12-07',
    description:
      'The day the tribunal accepted the change (Asia/Shanghai): the award period is counted again from it (第四十六条第（三）项); not before the case was accepted, not in the future',
  })
  @IsLocalDate()
  acceptedOn: string;

  @ApiProperty({
    example: '增加请求：支付 2026 年 9 月至 11 月加班费 12,000 元',
    maxLength: CLAIM_CHANGE_DESCRIPTION_MAX,
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(CLAIM_CHANGE_DESCRIPTION_MAX)
  description: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'The respondent expressly waived an answer period for the change (第四十四条): no new period starts',
  })
  @IsOptional()
  @IsBoolean()
  answerWaived?: boolean;

  @ApiPropertyOptional({
    example: '2026-12-07',
    description:
      'The day the change was served on (notified to) the respondent: its 10-working-day answer period runs from it (调解仲裁法 第三十条; 办案规则 第八十条). Default: acceptedOn; not before it, not in the future',
  })
  @IsOptional()
  @IsLocalDate()
  servedOn?: string;

  @ApiPropertyOptional({
    type: [ClaimInputDto],
    description:
      'Increased claims (增加): new items, numbered after the last, which the award decides as every other',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ClaimInputDto)
  addedClaims?: ClaimInputDto[];

  @ApiPropertyOptional({
    type: [ChangedClaimDto],
    description:
      'Changed claims (变更): each a claim of this case not yet decided by a 先行裁决, once, with a new description and/or amount',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChangedClaimDto)
  changedClaims?: ChangedClaimDto[];
}
