import { ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AppException } from '../../common/errors/app-exception';
import { IsLocalDate } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import {
  RECUSAL_CHANNELS,
  RECUSAL_DECISIONS,
  RECUSAL_GROUNDS,
  RECUSAL_SIDES,
  type RecusalChannel,
  type RecusalDecision,
  type RecusalGround,
  type RecusalSide,
} from '../recusal.rules';
import { VersionDto } from './arbitration.dto';

export class RecordRecusalDto extends VersionDto {
  @ApiProperty({ format: 'uuid', description: 'The tribunal member the party asks to withdraw' })
  @IsUUID('all')
  arbitratorId: string;

  @ApiProperty({ enum: RECUSAL_SIDES, description: 'The party who applies: 申请人 or 被申请人' })
  @IsIn(RECUSAL_SIDES)
  side: RecusalSide;

  @ApiProperty({ enum: RECUSAL_CHANNELS, description: '口头或者书面 (调解仲裁法 第三十三条)' })
  @IsIn(RECUSAL_CHANNELS)
  channel: RecusalChannel;

  @ApiProperty({
    enum: RECUSAL_GROUNDS,
    isArray: true,
    description:
      '调解仲裁法 第三十三条 (一) RELATIVE 近亲属, (二) INTEREST 利害关系, (三) OTHER_RELATION 其他关系, (四) PRIVATE_CONTACT_OR_GIFTS 私自会见、请客送礼',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(RECUSAL_GROUNDS, { each: true })
  grounds: RecusalGround[];

  @ApiProperty({
    description: 'The party’s reasons as stated (kept with the application, not on the timeline)',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  statement: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'The day it was received; default today' })
  @IsOptional()
  @IsLocalDate()
  receivedOn?: string;
}

export class DecideRecusalDto extends VersionDto {
  @ApiProperty({ enum: RECUSAL_DECISIONS })
  @IsIn(RECUSAL_DECISIONS)
  decision: RecusalDecision;

  @ApiProperty({ description: 'The commission’s reasons' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'GRANTED: the arbitrator who takes the place (checked as POST …/tribunal/replacements checks it); none when REFUSED',
  })
  @IsOptional()
  @IsUUID('all')
  incomingArbitratorId?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'The day decided; default today' })
  @IsOptional()
  @IsLocalDate()
  decidedOn?: string;
}

/** A recusal application's id in the path: anything but a uuid is no application of the case (404). */
export const recusalUuid = new ParseUUIDPipe({
  exceptionFactory: () =>
    AppException.notFound('RECUSAL_NOT_FOUND', 'No such recusal application of this case'),
});
