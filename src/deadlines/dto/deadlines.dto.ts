import { IsLocalDate } from '../../common/validation/decorators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/validation/transforms';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CLOCK_EVENT_TYPES, type ClockEventType } from '../entities/clock-event.entity';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export class DueQueryDto {
  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: 365, default: 3 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  within?: number;

  @ApiPropertyOptional({ enum: ['DAY', 'WORKDAY'], default: 'WORKDAY' })
  @IsOptional()
  @IsIn(['DAY', 'WORKDAY'])
  unit?: 'DAY' | 'WORKDAY';
}

/** A clock event entered by staff; STOP comes only from the proceeding's own decisions. */
export class ClockEventDto {
  @ApiProperty({ enum: CLOCK_EVENT_TYPES.filter((t) => t !== 'STOP') })
  @IsIn(CLOCK_EVENT_TYPES.filter((t) => t !== 'STOP'))
  type: Exclude<ClockEventType, 'STOP'>;

  @ApiProperty({
    example: '2026-11-26',
    description:
      'Date of the event (Asia/Shanghai): today or earlier, not before the clock’s start or last event',
  })
  @IsLocalDate()
  date: string;

  @ApiPropertyOptional({ description: 'EXTEND: extension in the rule’s unit' })
  @ValidateIf((o: ClockEventDto) => o.type === 'EXTEND')
  @IsInt()
  @Min(1)
  @Max(365)
  amount?: number;

  @ApiPropertyOptional({ description: 'PAUSE / RESTART / EXTEND: the reason (e.g. 公告送达, 追加当事人)' })
  @ValidateIf((o: ClockEventDto) => o.type !== 'RESUME')
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason?: string;
}

export class ClockViewDto {
  @ApiProperty() id: string;
  @ApiProperty() caseType: string;
  @ApiProperty() caseId: string;
  @ApiProperty() rule: {
    id: string;
    name: { zh: string; en: string };
    unit: string;
    amount: number;
    maxExtension: number;
    citation: string;
    /** PARTY: a party's window (to sue, to set an award aside, to complete a complaint), never a staff duty. */
    holder: 'STAFF' | 'PARTY';
  };
  @ApiProperty() start: string;
  @ApiProperty() events: object[];
  @ApiProperty({ nullable: true, type: String }) due: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysRemaining: number | null;
  @ApiProperty({
    enum: ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'ENDED', 'LAPSED'],
    description:
      'ENDED: stopped because the case ended without the act (the complaint was withdrawn). LAPSED: a party’s window ' +
      '(rule.holder PARTY) ran out without the party acting in it — no body was late (BREACHED is a body’s period only)',
  })
  state: string;
  @ApiProperty() provisional: boolean;
  @ApiProperty() extendedBy: number;
  @ApiProperty() pausedDays: number;
}
