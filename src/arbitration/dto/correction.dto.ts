import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { CORRECTION_ITEM_CODES, type CorrectionItem } from '../application-correction.rules';
import { ClaimInputDto, IsClaimList } from './claim-input.dto';
import { VersionDto } from './arbitration.dto';

/** The commission asks, once, for everything the application lacks (办案规则 第二十九条第四款). */
export class RequestArbitrationCorrectionDto extends VersionDto {
  @ApiProperty({
    enum: CORRECTION_ITEM_CODES,
    isArray: true,
    example: ['RESPONDENT_DETAILS', 'EVIDENCE'],
    description: 'Every item to complete (一次性告知: all of them, in one request)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CORRECTION_ITEM_CODES.length)
  @ArrayUnique()
  @IsIn(CORRECTION_ITEM_CODES, { each: true })
  items: CorrectionItem[];

  @ApiPropertyOptional({
    example: '请补充被申请人的住所和法定代表人姓名，并列明证据和证据来源',
    description: 'What exactly to complete (sent to the applicant); required with OTHER',
  })
  @ValidateIf((o: RequestArbitrationCorrectionDto) => o.note !== undefined || o.items?.includes?.('OTHER'))
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note?: string;
}

export class CorrectionAnswerDto {
  @ApiProperty({ enum: CORRECTION_ITEM_CODES })
  @IsIn(CORRECTION_ITEM_CODES)
  item: CorrectionItem;

  @ApiProperty({ example: '住所：浦东新区世纪大道100号；法定代表人：张三，总经理' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}

/** The applicant completes the application: an answer to every item asked; the claims anew when they were asked. */
export class SupplyArbitrationCorrectionDto {
  @ApiProperty({ type: [CorrectionAnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CORRECTION_ITEM_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => CorrectionAnswerDto)
  answers: CorrectionAnswerDto[];

  @ApiPropertyOptional({
    type: [ClaimInputDto],
    description:
      'The application’s claims as completed (required when CLAIMS_AND_GROUNDS was asked, refused otherwise): they ' +
      'replace the claims filed',
  })
  @IsOptional()
  @IsClaimList()
  claims?: ClaimInputDto[];
}
