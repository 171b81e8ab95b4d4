import { CORRECTION_ITEM_CODES, type CorrectionItem } from '../application-correction.rules';
import { CollectiveMemberDto } from '../../complaints/dto/complaint-view.dto';
import { RecusalViewDto } from './recusal-view.dto';
import { CaseComplainantDto, CaseEmployerDto } from '../../complaints/dto/case-parties.dto';
import { COMPLAINANT, RESPONDENT } from './arbitration-queue.dto';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ClockViewDto } from '../../deadlines/dto/deadlines.dto';
import { StaffRefDto } from '../../staff/dto/staff-ref.dto';
import { AWARD_DOCUMENT_KINDS, type AwardDocumentKind } from '../award-documents.rules';
import {
  ATTENDANCE_KINDS,
  ARBITRATION_SOURCES,
  ARBITRATION_STATUSES,
  CLAIM_TYPES,
  CLOSURE_TYPES,
  COURT_OPTION_REASONS,
  TRIBUNAL_KINDS,
  type ArbitrationSource,
  type ArbitrationStatus,
  type AttendanceKind,
  type ClaimType,
  type ClosureType,
  type CourtOptionReason,
  type LimitationRecord,
  type TribunalKind,
} from '../arbitration.constants';

/** What the API answers about an arbitration case (its claims, hearings and clocks), apart from the request bodies. */

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_KINDS }) @IsIn(ATTENDANCE_KINDS) claimant: AttendanceKind;
  @ApiProperty({ enum: ATTENDANCE_KINDS }) @IsIn(ATTENDANCE_KINDS) respondent: AttendanceKind;
}

export class ClaimViewDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: CLAIM_TYPES }) type: ClaimType;
  @ApiProperty() description: string;
  @ApiProperty({ type: Number, nullable: true, description: 'fen (分); null: a claim not to money' })
  amountFen: number | null;
  @ApiProperty({ type: Number, nullable: true }) awardedFen: number | null;
  @ApiProperty({ type: String, nullable: true }) awardReason: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '一裁终局 for this claim' }) final:
    boolean | null;
}

export class HearingViewDto {
  @ApiProperty() id: string;
  @ApiProperty() room: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [String] }) arbitratorIds: string[];
  @ApiProperty({ nullable: true, type: String }) postponedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The hearing that replaced a postponed one' })
  replacedBy: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Set once the hearing took place and was recorded',
  })
  heldAt: string | null;
  @ApiProperty({ nullable: true, type: AttendanceDto }) attendance: AttendanceDto | null;
  @ApiProperty({ nullable: true, type: String }) minutesSummary: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The case closed before it: the slot is free' })
  cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it is on a rest day or outside hours' })
  overrideReason: string | null;
}

export class CourtOptionDto {
  @ApiProperty({ format: 'date' }) since: string;
  @ApiProperty({
    enum: COURT_OPTION_REASONS,
    description: 'ACCEPTANCE_OVERDUE (调解仲裁法 第二十九条) or AWARD_OVERDUE (第四十三条)',
  })
  reason: CourtOptionReason;
}

export class AwardDocumentViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '1, 2, … in the order issued' }) seq: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Case number and sequence, e.g. 浦劳人仲〔2026〕第12号-2',
  })
  documentNo: string | null;
  @ApiProperty({ enum: AWARD_DOCUMENT_KINDS, description: 'AWARD, or PARTIAL (先行裁决)' })
  kind: AwardDocumentKind;
  @ApiProperty({ description: '终局裁决 (办案规则 第五十条: a mixed award is two documents)' })
  final: boolean;
  @ApiProperty({ type: [String] }) claimIds: string[];
  @ApiProperty() issuedOn: string;
  @ApiProperty({ type: String, nullable: true }) servedOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Service + 15 days (第四十八条, 第五十条), as its clock counts it on the current calendar',
  })
  suitDeadline: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Final documents: service + 30 days, the employer’s set-aside window (第四十九条), as its clock counts it on the current calendar',
  })
  setAsideDeadline: string | null;
}

export class ProvisionalExecutionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() decidedOn: string;
  @ApiProperty({ type: [String] }) claimIds: string[];
  @ApiProperty() amountFen: number;
  @ApiProperty() basis: string;
}

export class CorrectionItemViewDto {
  @ApiProperty({ enum: CORRECTION_ITEM_CODES }) code: CorrectionItem;
  @ApiProperty() label: string;
}

export class CorrectionAnswerViewDto {
  @ApiProperty({ enum: CORRECTION_ITEM_CODES }) item: CorrectionItem;
  @ApiProperty() text: string;
}

/** The application's one 补正 (办案规则 第二十九条第四款). */
export class CorrectionViewDto {
  @ApiProperty({ format: 'date' }) requestedOn: string;
  @ApiProperty({
    format: 'date',
    description: 'Last day of the applicant’s period (a platform rule); late is taken',
  })
  dueOn: string;
  @ApiProperty({ type: [CorrectionItemViewDto] }) items: CorrectionItemViewDto[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) suppliedOn: string | null;
  @ApiProperty({ type: [CorrectionAnswerViewDto], nullable: true }) answers: CorrectionAnswerViewDto[] | null;
}

/** A payment on the source mediation agreement recorded while the case was open (timeline ARBITRATION_SOURCE_AGREEMENT_PAID). */
export class SourceAgreementPaymentDto {
  @ApiProperty({ format: 'uuid' }) mediationCaseId: string;
  @ApiProperty({ description: 'The instalment (第几期)' }) seq: number;
  @ApiProperty({ description: 'Amount paid, integer fen' }) amountFen: number;
  @ApiProperty({ format: 'date', description: 'The day it was paid (Asia/Shanghai)' }) paidOn: string;
  @ApiProperty({
    enum: ['PERFORMING', 'DEFAULTED', 'PERFORMED'],
    description: 'The agreement after the payment',
  })
  agreementStatus: string;
  @ApiProperty({ format: 'date-time', description: 'When the mediator recorded it' }) recordedAt: string;
}

export class ArbitrationCaseViewDto {
  @ApiProperty() id: string;
  @ApiProperty() complaintId: string;
  @ApiProperty({ type: CaseEmployerDto, description: RESPONDENT }) employer: CaseEmployerDto;
  @ApiProperty({ type: CaseComplainantDto, nullable: true, description: COMPLAINANT })
  complainant: CaseComplainantDto | null;
  @ApiProperty({ enum: ARBITRATION_SOURCES }) source: ArbitrationSource;
  @ApiProperty({ type: String, nullable: true }) sourceMediationCaseId: string | null;
  @ApiProperty({ enum: ARBITRATION_STATUSES }) status: ArbitrationStatus;
  @ApiProperty() version: number;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() collective: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'A confirmed collective dispute (调解仲裁法 第七条) is one case for all its members',
  })
  collectiveDisputeId: string | null;
  @ApiProperty({
    type: [CollectiveMemberDto],
    description: 'The members of the collective dispute (empty if none)',
  })
  members: CollectiveMemberDto[];
  @ApiProperty({
    type: CourtOptionDto,
    nullable: true,
    description: 'The commission let a period pass: the worker may sue in court (until then null)',
  })
  courtOption: CourtOptionDto | null;
  @ApiProperty({ enum: TRIBUNAL_KINDS, nullable: true }) tribunal: TribunalKind | null;
  @ApiProperty({ type: [String] }) arbitratorIds: string[];
  @ApiProperty({ type: [StaffRefDto], description: 'The tribunal by name (staff directory)' })
  tribunalMembers: StaffRefDto[];
  @ApiProperty() appliedOn: string;
  @ApiProperty({ type: String, nullable: true }) acceptedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: CLOSURE_TYPES, nullable: true }) closureType: ClosureType | null;
  @ApiProperty({ type: String, nullable: true, description: 'The commission’s case number (案号)' })
  caseNo: string | null;
  @ApiProperty({ type: String, nullable: true, description: '书面审理 decided on this date' })
  decidedOnPapersOn: string | null;
  @ApiProperty({ type: String, nullable: true }) papersBasis: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'Limitation check: facts and answer (第二十七条)',
  })
  limitation: LimitationRecord | null;
  @ApiProperty({
    type: CorrectionViewDto,
    nullable: true,
    description: '补正 asked of the application, if any',
  })
  correction: CorrectionViewDto | null;
  @ApiProperty({
    type: [String],
    description:
      'Warnings to staff: LIMITATION_MAY_HAVE_EXPIRED, HEARING_WITHIN_ANSWER_PERIOD, SOURCE_AGREEMENT_PAID (see sourceAgreementPayments)',
  })
  warnings: string[];
  @ApiProperty({
    type: [SourceAgreementPaymentDto],
    description:
      'Payments recorded, while the case was open, on the mediation agreement whose default it claims (调解仲裁法 第四十一条: the applicant may withdraw; the tribunal weighs them). The claims are not changed.',
  })
  sourceAgreementPayments: SourceAgreementPaymentDto[];
  @ApiProperty({ type: Boolean, nullable: true }) finalAward: boolean | null;
  @ApiProperty({ type: String, nullable: true }) awardServedOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Last day to sue (service + 15 days): the latest of the served award documents, as their clocks count it on the current calendar (a holiday schedule loaded after service moves it)',
  })
  suitDeadline: string | null;
  @ApiProperty({ type: [ClaimViewDto] }) claims: ClaimViewDto[];
  @ApiProperty({ type: [HearingViewDto] }) hearings: HearingViewDto[];
  @ApiProperty({
    type: [AwardDocumentViewDto],
    description: 'Award documents: the award (two when final and non-final items mix) and any 先行裁决',
  })
  awards: AwardDocumentViewDto[];
  @ApiProperty({ type: [ProvisionalExecutionViewDto], description: '先予执行 rulings (第四十四条)' })
  provisionalExecutions: ProvisionalExecutionViewDto[];
  @ApiProperty({ type: [RecusalViewDto], description: 'Recusal applications (回避, 调解仲裁法 第三十三条)' })
  recusals: RecusalViewDto[];
  @ApiProperty({ type: [ClockViewDto] }) clocks: ClockViewDto[];
}
