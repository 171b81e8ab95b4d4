import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/validation/transforms';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/**
 * The statutory rule ids, in catalogue order: filled in place by CalendarModule.forRoot (publishRuleIds) before the
 * application validates a query or writes its OpenAPI document; the decorators below hold this very array.
 */
const RULE_IDS: string[] = [];

export function publishRuleIds(ids: readonly string[]): void {
  RULE_IDS.splice(0, RULE_IDS.length, ...ids);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export class DeadlineQueryDto {
  @ApiProperty({
    example: '2026-09-28',
    description:
      'Start date (Asia/Shanghai); the start day is not counted. For a rule counted backwards (direction BEFORE), the anchor date (e.g. the hearing date)',
  })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiPropertyOptional({
    type: String,
    enum: RULE_IDS,
    description: 'A statutory period rule (GET /api/v1/calendar/rules); instead of amount and unit',
  })
  @IsOptional()
  @IsIn(RULE_IDS)
  rule?: string;

  @ApiPropertyOptional({ example: 15, minimum: 0, maximum: 3650, description: 'Required without rule' })
  @ValidateIf((q: DeadlineQueryDto) => q.rule === undefined || q.amount !== undefined)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  amount?: number;

  @ApiPropertyOptional({ enum: ['DAY', 'WORKDAY'], description: 'Required without rule' })
  @ValidateIf((q: DeadlineQueryDto) => q.rule === undefined || q.unit !== undefined)
  @IsIn(['DAY', 'WORKDAY'])
  unit?: 'DAY' | 'WORKDAY';
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
  @ApiPropertyOptional({ description: 'The statutory rule asked for (absent for a bare amount/unit period)' })
  rule?: string;
  @ApiProperty() from: string;
  @ApiProperty() amount: number;
  @ApiProperty({ enum: ['DAY', 'WORKDAY'] }) unit: string;
  @ApiProperty() due: string;
  @ApiProperty({ description: 'true when a year touched has no loaded or packaged holiday schedule' })
  provisional: boolean;
  @ApiPropertyOptional({ description: "The rule's legal basis (with rule)" })
  basis?: string;
}

export class LocalisedTextDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class DeadlineRuleDto {
  @ApiProperty({ type: String, enum: RULE_IDS }) id: string;
  @ApiProperty({ type: LocalisedTextDto }) name: LocalisedTextDto;
  @ApiProperty() amount: number;
  @ApiProperty({ enum: ['DAY', 'WORKDAY'] }) unit: string;
  @ApiProperty({ description: 'Total extension the law allows, in the same unit' }) maxExtension: number;
  @ApiProperty({
    enum: ['AFTER', 'BEFORE'],
    description: 'AFTER: runs from the start event; BEFORE: ends `amount` units before an anchor date',
  })
  direction: string;
  @ApiProperty({ type: LocalisedTextDto }) startEvent: LocalisedTextDto;
  @ApiProperty({ description: 'Legal basis (law, article)' }) basis: string;
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
  @Transform(trim)
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
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
