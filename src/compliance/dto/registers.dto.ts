import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsChineseIdNumber, IsLocalDate } from '../../common/validation/decorators';
import {
  NoticePersonViewDto,
  type ResponsiblePersonDto,
  ResponsiblePersons,
  STATEMENT_LATE,
} from './blacklist-persons.dto';
import { trim } from '../../common/validation/transforms';

export class BlacklistNoticeDto {
  @ApiProperty({ format: 'uuid', description: 'The wage-arrears violation the intended listing rests on' })
  @IsUUID()
  violationId: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day the notice was served (default today)' })
  @IsOptional()
  @IsLocalDate()
  noticedOn?: string;

  @ResponsiblePersons(
    'The persons served with the employer (当事人, 人社部令第45号 第五条): the listing may name only these; at least the 法定代表人 or 主要负责人, one entry per ID number',
  )
  responsiblePersons: ResponsiblePersonDto[];
}

export class StatementDto {
  @ApiProperty({
    format: 'date',
    description:
      'The day the statement (陈述申辩) was received: from the notice’s day (400 before it) to today; after the statement period it is recorded as late (statementLate) and does not count as made in time',
  })
  @IsLocalDate()
  receivedOn: string;

  @ApiProperty({ example: '单位称已支付部分工资，经核实仍欠12名农民工工资', description: 'No personal data' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description:
      'The person named on the notice who made this statement (in the body, never a URL); absent: the employer’s statement',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s/g, '').toUpperCase() : value,
  )
  @IsString()
  @IsChineseIdNumber()
  idNumber?: string;
}

export class BlacklistNoticeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'uuid' }) violationId: string;
  @ApiProperty({ format: 'date' }) noticedOn: string;
  @ApiProperty({ format: 'date', description: 'Last day of the statement period (5 working days)' })
  statementDueOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) statementOn: string | null;
  @ApiProperty({ description: STATEMENT_LATE }) statementLate: boolean;
  @ApiProperty({ nullable: true, type: String }) statementSummary: string | null;
  @ApiProperty({
    type: [NoticePersonViewDto],
    description: 'The persons the notice is served on (none on notices served before persons were recorded)',
  })
  persons: NoticePersonViewDto[];
}

export class ViolationFactsDto {
  @ApiPropertyOptional({ description: 'The arrears concern 农民工' })
  // Absent is allowed, null is not (@IsOptional let null through to a NOT NULL column: a 500 found by the fuzz).
  @ValidateIf((o: ViolationFactsDto) => o.migrantWorkers !== undefined)
  @IsBoolean()
  migrantWorkers?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Judgment day holding someone criminally liable for it (被追究刑事责任)',
  })
  @IsOptional()
  @IsLocalDate()
  criminalLiabilityOn?: string;

  @ApiPropertyOptional({ example: '（2026）沪0115刑初123号', description: 'The judgment’s reference' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  criminalLiabilityRef?: string;
}
