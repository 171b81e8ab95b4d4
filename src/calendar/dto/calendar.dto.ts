import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export class DeadlineQueryDto {
  @ApiProperty({
    example: '2026-09-28',
    description: 'Start date (Asia/Shanghai); the start day is not counted',
  })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: 15, minimum: 0, maximum: 3650 })
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  amount: number;

  @ApiProperty({ enum: ['DAY', 'WORKDAY'] })
  @IsIn(['DAY', 'WORKDAY'])
  unit: 'DAY' | 'WORKDAY';
}

export class WorkdaysQueryDto {
  @ApiProperty({ example: '2026-09-28' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-10-31' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

export class DeadlineAnswerDto {
  @ApiProperty() from: string;
  @ApiProperty() amount: number;
  @ApiProperty({ enum: ['DAY', 'WORKDAY'] }) unit: string;
  @ApiProperty() due: string;
  @ApiProperty({ description: 'true when a year touched has no loaded or packaged holiday schedule' })
  provisional: boolean;
}

export class WorkdaysAnswerDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'working days in (from, to]' }) workdays: number;
  @ApiProperty() provisional: boolean;
}

export class PutCalendarYearDto {
  @ApiProperty({
    type: [String],
    example: ['2027-01-01'],
    description: 'Public-holiday days off (YYYY-MM-DD)',
  })
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  holidays: string[];

  @ApiProperty({
    type: [String],
    example: ['2027-02-07'],
    description: 'Weekend days that are working days (调休)',
  })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  makeupWorkdays: string[];

  @ApiProperty({ example: '国办发明电〔2026〕X号' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  source: string;
}

export class CalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [String] }) holidays: string[];
  @ApiProperty({ type: [String] }) makeupWorkdays: string[];
  @ApiProperty() source: string;
  @ApiProperty({ enum: ['LOADED', 'PACKAGE', 'NONE'] }) coverage: string;
  @ApiPropertyOptional({ nullable: true, type: String }) loadedAt: string | null;
}

export class CalendarStatusDto {
  @ApiProperty() today: string;
  @ApiProperty() years: { year: number; coverage: string; source: string | null }[];
  @ApiProperty({ type: [String] }) warnings: string[];
}

export class YearParam {
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
