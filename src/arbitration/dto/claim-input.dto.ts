import { ApiProperty } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { trim } from '../../common/validation/transforms';
import { CLAIM_TYPES, type ClaimType } from '../arbitration.constants';

/** One claim (仲裁请求) as an application or a change of claims states it. */
export class ClaimInputDto {
  @ApiProperty({ enum: CLAIM_TYPES })
  @IsIn(CLAIM_TYPES)
  type: ClaimType;

  @ApiProperty({ example: '支付拖欠工资' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  description: string;

  @ApiProperty({ example: 1_250_000, description: 'Claimed amount in fen (0 for non-monetary claims)' })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  amountFen: number;
}

/**
 * What makes two claims of one application the same claim (ArrayUnique, on the claims as transformed: descriptions
 * trimmed); anything not an object is its own.
 */
export function claimKey(c: unknown): unknown {
  if (typeof c !== 'object' || c === null) return c;
  const { type, description, amountFen } = c as Partial<ClaimInputDto>;
  return JSON.stringify([type, description, amountFen]);
}

/**
 * An application's list of claims, as filed or as completed by 补正: 1 to 30 claims, each valid, none twice (the same
 * type, words and amount — a double tap — would be heard and awarded twice; audit).
 */
export function IsClaimList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(30),
    ArrayUnique(claimKey, { message: 'claims must not repeat the same claim' }),
    ValidateNested({ each: true }),
    Type(() => ClaimInputDto),
  );
}
