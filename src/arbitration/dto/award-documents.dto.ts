import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { trim } from '../../common/validation/transforms';
import { AwardDto, VersionDto } from './arbitration.dto';

/** 先行裁决 (调解仲裁法 第四十三条第二款): some of the undecided claims (not all of them), decided now; same body as the award. */
export class PartialAwardDto extends AwardDto {}

/** Service of an award document: the parties' windows run from it. */
export class ServeAwardDto extends VersionDto {
  @ApiProperty({ example: '2026-12-03', description: 'The day the document was served (issue day … today)' })
  @IsLocalDate()
  servedOn: string;
}

/** 先予执行 (调解仲裁法 第四十四条), on the worker's application. */
export class ProvisionalExecutionDto extends VersionDto {
  @ApiProperty({ type: [String], description: 'The money claims it covers (undecided)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  claimIds: string[];

  @ApiProperty({
    example: 600_000,
    description: 'Amount to execute first, fen (≤ the amount claimed on them)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_CLAIM_FEN)
  amountFen: number;

  @ApiProperty({ description: '当事人之间权利义务关系明确 (第四十四条第二款第（一）项)' })
  @IsBoolean()
  rightsClear: boolean;

  @ApiProperty({ description: '不先予执行将严重影响申请人的生活 (第四十四条第二款第（二）项)' })
  @IsBoolean()
  livelihoodAtRisk: boolean;

  @ApiProperty({ example: '申请人失业三个月，无其他收入来源', description: 'Why (recorded)' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  basis: string;
}
