import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsLocalDate } from '../../common/validation/decorators';
import { DECLARED_MAJOR_GROUNDS, DUTY_RULES, type DeclaredMajorGround } from '../inspection-duties.rules';
import { NOTICE_ANSWER_KINDS, type NoticeAnswerKind } from '../inspection.rules';
import { colleaguesLink } from '../../staff/colleagues';
import { FindingsDto, InspectionVersionDto, MAX_FEN, Text } from './inspection.dto';
import { InvestigatingTeam } from './team-of-two';

/** The record of an investigative act (调查、检查): its findings and the inspectors who made it (at least two). */
export class InvestigationRecordDto extends FindingsDto {
  @ApiProperty({
    type: [String],
    description: `The inspectors who investigated: at least 2 different ones (劳动保障监察条例 第十六条); the ids the case accepts: GET ${colleaguesLink('INSPECTION')}`,
  })
  @InvestigatingTeam()
  inspectorIds: string[];
}

/**
 * The employer's statement, a hearing request (penalties only), a waiver, or the hearing held on an in-time request
 * (with its record's summary), answering the latest notice.
 */
export class ResponseDto extends InspectionVersionDto {
  @ApiProperty({
    enum: NOTICE_ANSWER_KINDS,
    description:
      'STATEMENT 陈述申辩, HEARING_REQUEST 要求听证, WAIVER 放弃陈述申辩和听证, HEARING_HELD 听证已举行（须填写 summary：听证笔录摘要）',
  })
  @IsIn(NOTICE_ANSWER_KINDS)
  kind: NoticeAnswerKind;

  @ApiProperty({ example: '2026-11-26' })
  @IsLocalDate()
  declare on: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  summary?: string;
}

/** 行政处理事先告知书: the proposed 行政处理决定 and the right to state a case (监察条例 第十九条). */
export class HandlingNoticeDto extends InspectionVersionDto {
  @ApiProperty({ example: '未按时足额支付劳动者工资' })
  @Text(2000)
  violations: string;

  @ApiProperty({ example: '责令支付拖欠的劳动报酬12,500元，并按应付金额的50%加付赔偿金' })
  @Text(2000)
  proposed: string;

  @ApiProperty({ example: '《劳动保障监察条例》第二十六条' })
  @Text(500)
  basis: string;
}

/** 行政处理决定书, after the employer was heard; with 加付赔偿金 when an order to pay was ignored (第二十六条). */
export class HandlingDecisionDto extends InspectionVersionDto {
  @ApiProperty({ example: '未按时足额支付劳动者工资' })
  @Text(2000)
  violations: string;

  @ApiProperty({ example: '责令你单位于十五日内支付拖欠的劳动报酬12,500元' })
  @Text(2000)
  decision: string;

  @ApiProperty({ example: '《劳动保障监察条例》第二十六条' })
  @Text(500)
  basis: string;

  @ApiPropertyOptional({
    minimum: DUTY_RULES.COMPENSATION_MIN_PERCENT,
    maximum: DUTY_RULES.COMPENSATION_MAX_PERCENT,
    description:
      '加付赔偿金 rate, % of the wages still owed (50–100, 第二十六条); only after an ignored order to pay',
  })
  @IsOptional()
  @IsInt()
  @Min(DUTY_RULES.COMPENSATION_MIN_PERCENT, {
    message: 'compensationPercent is 50 to 100 (劳动保障监察条例 第二十六条)',
  })
  @Max(DUTY_RULES.COMPENSATION_MAX_PERCENT, {
    message: 'compensationPercent is 50 to 100 (劳动保障监察条例 第二十六条)',
  })
  compensationPercent?: number;
}

/** 举报奖励 (监察条例 第九条): for a substantiated report only. */
export class ReportRewardDto extends InspectionVersionDto {
  @ApiProperty({ example: 50_000, description: 'Reward, fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ example: '举报属实，提供了工资表等主要证据' })
  @Text(1000)
  basis: string;

  @ApiPropertyOptional({
    enum: DECLARED_MAJOR_GROUNDS,
    description:
      'The ground of 人社部令第29号 第五条 that makes the violation major, when the closing did not record it as major ' +
      '(（二）SOCIAL_INSURANCE, （三）WORKING_TIME, （四）SPECIAL_PROTECTION, （五）CHILD_LABOUR, （七）OTHER_MAJOR)',
  })
  @IsOptional()
  @IsIn(DECLARED_MAJOR_GROUNDS)
  majorGround?: DeclaredMajorGround;
}
