import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IntFromQuery } from '../../common/validation/decorators';
import { EventActorDto, OrganisationRefDto, StaffRefDto } from '../../staff/dto/staff-ref.dto';

export class MyCaseStepDto {
  @ApiProperty({ enum: ['COMPLAINT', 'MEDIATION', 'ARBITRATION', 'INSPECTION'] }) proceeding: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() status: string;
  @ApiProperty({ example: '调解中', description: 'The status in plain zh-CN' }) label: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '案号 of the proceeding (调字 / 仲 / 监察); null for the complaint',
  })
  caseNo: string | null;
}

export class MyCaseActionDto {
  @ApiProperty({ example: 'ESCALATE_TO_ARBITRATION' }) action: string;
  @ApiProperty({ example: 'POST' }) method: string;
  @ApiProperty({ example: '/api/v1/mediation/0b6f…/escalate' }) path: string;
}

export class MyCaseNextStepDto {
  @ApiProperty({
    example:
      '调解不成，您可以一键申请劳动争议仲裁。申请仲裁的时效期间一般为一年（劳动争议调解仲裁法 第二十七条），请尽早申请。',
  })
  text: string;
  @ApiProperty({ type: [MyCaseActionDto], description: 'What the worker can do now, in one call' })
  actions: MyCaseActionDto[];
}

export class MyCaseHolderDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
}

export class MyCaseDeadlineDto {
  @ApiProperty() proceeding: string;
  @ApiProperty() rule: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) due: string | null;
  @ApiProperty() state: string;
  @ApiProperty({
    description:
      'true when the date was counted through a year whose holiday schedule is not loaded (as GET /calendar/deadline says): it may change',
  })
  provisional: boolean;
  @ApiProperty() text: string;
}

/** The worker's next date: the earliest of their file's running deadlines and the next scheduled hearing (开庭). */
export class MyNextDeadlineDto {
  @ApiProperty({
    enum: ['DEADLINE', 'HEARING'],
    description:
      'DEADLINE: a statutory period (as in deadlines); HEARING: the next scheduled arbitration hearing',
  })
  kind: 'DEADLINE' | 'HEARING';
  @ApiProperty({ format: 'date', description: 'The last day of the period, or the day of the hearing' })
  due: string;
  @ApiProperty({ description: 'The clock state of a deadline; SCHEDULED for a hearing' }) state: string;
  @ApiProperty({
    description:
      'true when the date was counted through a year whose holiday schedule is not loaded (as GET /calendar/deadline says): it may change',
  })
  provisional: boolean;
  @ApiProperty({
    example:
      '开庭：2026-12-25 14:30，地点：第一仲裁庭。请准时到庭，无正当理由拒不到庭的，可以视为撤回仲裁申请',
  })
  text: string;
  @ApiProperty() citation: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'HEARING: when it starts' })
  startsAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'HEARING: where (the room); null for a deadline',
  })
  place: string | null;
}

export class MyInstalmentDto {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ description: 'fen (分)' }) amountFen: number;
  @ApiProperty({ enum: ['DUE', 'PAID', 'OVERDUE'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) paidOn: string | null;
}

export class MyAgreementDto {
  @ApiProperty({ enum: ['PERFORMING', 'PERFORMED', 'DEFAULTED'] }) status: string;
  @ApiProperty({ format: 'date' }) signedOn: string;
  @ApiProperty({ description: 'fen (分)' }) totalFen: number;
  @ApiProperty({ type: [MyInstalmentDto] }) instalments: MyInstalmentDto[];
}

/** A mediation session as the worker sees it: when and where, not the mediator's notes. */
export class MyMediationSessionDto {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineLink: string | null;
}

export class MyMediationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '浦陆家嘴人调字〔2026〕第3号' }) caseNo:
    string | null;
  @ApiProperty() status: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty({ type: StaffRefDto, nullable: true }) mediator: StaffRefDto | null;
  @ApiProperty({
    type: [MyMediationSessionDto],
    description:
      'Sessions scheduled, earliest first; those called off (the mediation closed before them) are left out',
  })
  sessions: MyMediationSessionDto[];
  @ApiProperty({ type: MyAgreementDto, nullable: true }) agreement: MyAgreementDto | null;
}

export class MyHearingDto {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() room: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) postponedAt: string | null;
}

export class MyArbitrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '浦劳人仲〔2026〕第1号' }) caseNo: string | null;
  @ApiProperty() status: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date' }) appliedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) acceptedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) closureType: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Not accepted (NOT_ACCEPTED): the commission’s reasons as written (调解仲裁法 第二十九条)',
  })
  rejectionReason: string | null;
  @ApiProperty({ type: [StaffRefDto] }) tribunal: StaffRefDto[];
  @ApiProperty({ type: [MyHearingDto] }) hearings: MyHearingDto[];
  @ApiProperty({ nullable: true, type: Boolean, description: '一裁终局: every claim final' })
  finalAward: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) awardServedOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Last day to sue in court after the award (调解仲裁法 第四十八条、第五十条)',
  })
  suitDeadline: string | null;
  @ApiProperty({
    description:
      'true when suitDeadline may still change: counted through a year whose holiday schedule is not loaded (as the deadlines list says), or a document of the award is not served yet (its window runs from its service)',
  })
  suitDeadlineProvisional: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'After a final award: last day for the employer to apply to set it aside (第四十九条)',
  })
  employerSetAsideDeadline: string | null;
  @ApiProperty({
    description:
      'true when employerSetAsideDeadline was counted through a year whose holiday schedule is not loaded: it may change',
  })
  employerSetAsideDeadlineProvisional: boolean;
}

export class MyRefusalReasonDto {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
}

export class MyInspectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() status: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation: OrganisationRefDto | null;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) acceptedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) refusedOn: string | null;
  @ApiProperty({ type: [MyRefusalReasonDto] }) refusalReasons: MyRefusalReasonDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the refusal told the worker to turn instead',
  })
  refusalReferTo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) investigationDueOn: string | null;
  @ApiProperty({
    description:
      'true when investigationDueOn was counted through a year whose holiday schedule is not loaded (as the deadlines list says): it may change',
  })
  investigationDueOnProvisional: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'The date the order to rectify names (责令改正期限): set by the order, not counted, so never provisional',
  })
  rectifyDueOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) closureType: string | null;
  @ApiProperty({ nullable: true, type: String, example: '用人单位已改正' }) closureLabel: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'MERGED (并案): the number of the case the matter went on in, to follow it there',
  })
  mergedIntoCaseNo: string | null;
  @ApiProperty({ description: 'fen (分) recovered for workers' }) recoveredFen: number;
}

export class MyTimelineEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['COMPLAINT', 'MEDIATION', 'ARBITRATION', 'INSPECTION'] }) proceeding: string;
  @ApiProperty() action: string;
  @ApiProperty({ example: '开始调解' }) label: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus: string | null;
  @ApiProperty({ type: EventActorDto }) actor: EventActorDto;
  @ApiProperty({ description: 'Details of the event (empty for inspection steps)' })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

/** The worker's one file: complaint → mediation → arbitration, and inspection, as one story. */
export class MyCaseDto {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty({ type: MyCaseStepDto }) currentStep: MyCaseStepDto;
  @ApiProperty({ type: MyCaseNextStepDto }) nextStep: MyCaseNextStepDto;
  @ApiProperty({ type: MyCaseHolderDto, nullable: true }) heldBy: MyCaseHolderDto | null;
  @ApiProperty({ type: MyNextDeadlineDto, nullable: true }) nextDeadline: MyNextDeadlineDto | null;
  @ApiProperty({ type: [MyCaseDeadlineDto] }) deadlines: MyCaseDeadlineDto[];
  @ApiProperty({ type: MyMediationDto, nullable: true, description: 'The latest mediation' })
  mediation: MyMediationDto | null;
  @ApiProperty({ type: MyArbitrationDto, nullable: true, description: 'The latest arbitration case' })
  arbitration: MyArbitrationDto | null;
  @ApiProperty({ type: MyInspectionDto, nullable: true, description: 'The latest inspection case' })
  inspection: MyInspectionDto | null;
  @ApiProperty({ type: [MyTimelineEntryDto], description: 'Every event of every proceeding, oldest first' })
  timeline: MyTimelineEntryDto[];
}

/** A page of the worker's case files: each file's own read is several, so a page is small. */
export const MY_CASES_MAX_PAGE = 20;

export class MyCasesQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MY_CASES_MAX_PAGE, default: 10 })
  @IsOptional()
  @IntFromQuery()
  @IsInt()
  @Min(1)
  @Max(MY_CASES_MAX_PAGE)
  limit?: number;
}

/** One case file in the worker's list: where it stands and what is due next. */
export class MyCaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty({ type: MyCaseStepDto }) currentStep: MyCaseStepDto;
  @ApiProperty({ type: MyNextDeadlineDto, nullable: true }) nextDeadline: MyNextDeadlineDto | null;
  @ApiProperty({
    format: 'date-time',
    description: 'The last event of any of its proceedings, or the complaint’s update',
  })
  updatedAt: string;
}

export class MyCasePageDto {
  @ApiProperty({ type: [MyCaseSummaryDto] }) items: MyCaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
