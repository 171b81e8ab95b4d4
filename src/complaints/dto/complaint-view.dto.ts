import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EventActorDto } from '../../staff/dto/staff-ref.dto';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, INTAKE_CHANNELS } from '../complaint.constants';

export class EmployerViewDto {
  @ApiProperty() id: string;
  @ApiProperty({
    description:
      'The register’s name when confirmed (register import, filing); until then the name as this complaint states it',
  })
  name: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({
    description: 'the name is the register’s (a verified source gave it), not a party’s statement',
  })
  nameConfirmed: boolean;
}

/** The employer as the complainant (or reporter) stated it on this filing: their word, not the register's. */
export class EmployerAsStatedDto {
  @ApiProperty() name: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'as given; never texted until staff confirm it; masked for roles that do not handle the case',
  })
  contactPhone: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'as given at intake or in a 补正 (the register’s address is the employer’s own)',
  })
  address: string | null;
}

export class ComplainantViewDto {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked for roles that do not handle the case' })
  idNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked for roles that do not handle the case' })
  phone: string | null;
  @ApiProperty({ description: 'the complainant is a worker account that verified its phone by SMS code' })
  verified: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'set when a worker filed on the complainant’s behalf: how they are related',
  })
  onBehalfRelationship: string | null;
}

export class RouteViewDto {
  @ApiProperty({ enum: ['MEDIATION', 'ARBITRATION', 'INSPECTION'] }) target: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() routedAt: string;
}

/** A member (complaint) of a collective dispute, as the dispute's one case lists it. */
export class CollectiveMemberDto {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty() trackingNo: string;
}

export class CollectiveRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'members (complaints) in the dispute' }) workers: number;
  @ApiProperty({ type: [String] }) trackingNos: string[];
}

export class RoutingSuggestionDto {
  @ApiProperty({ enum: ['MEDIATION', 'ARBITRATION', 'INSPECTION'] }) target: string;
  @ApiProperty() organisation: { id: string; name: string } | null;
  @ApiProperty() reasons: { code: string; text: string; basis: string }[];
  @ApiProperty({ nullable: true, type: String }) possibleDuplicateOf: string | null;
  @ApiProperty({
    nullable: true,
    type: CollectiveRefDto,
    description: 'The confirmed collective dispute the complaint belongs to: routed with all its members',
  })
  collectiveDispute: CollectiveRefDto | null;
}

export class ComplaintViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'TS-2026-0000001-7' }) trackingNo: string;
  @ApiProperty({ enum: ['COMPLAINT', 'REPORT'] }) kind: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: INTAKE_CHANNELS }) channel: string;
  @ApiProperty({ type: EmployerViewDto }) employer: EmployerViewDto;
  @ApiProperty({
    nullable: true,
    type: EmployerAsStatedDto,
    description: 'as stated by the complainant or reporter (null on complaints filed before it was kept)',
  })
  employerAsStated: EmployerAsStatedDto | null;
  @ApiProperty() workplaceStreetCode: string;
  @ApiProperty({ nullable: true, type: Number, description: 'fen (分)' }) claimedAmountFen: number | null;
  @ApiProperty() affectedWorkers: number;
  @ApiProperty() facts: string;
  @ApiProperty() requests: string;
  @ApiPropertyOptional({ type: ComplainantViewDto, nullable: true }) complainant: ComplainantViewDto | null;
  @ApiProperty({ description: 'Date of receipt, Asia/Shanghai (YYYY-MM-DD)' }) receivedOn: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() wantsArbitration: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The collective dispute this complaint belongs to',
  })
  collectiveDisputeId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'An earlier complaint this one may duplicate' })
  possibleDuplicateOf: string | null;
  @ApiProperty({ nullable: true, enum: ['DISMISSED', 'CONFIRMED'] }) duplicateReview: string | null;
  @ApiProperty({ nullable: true, type: RouteViewDto }) route: RouteViewDto | null;
}

export class ComplaintPageDto {
  @ApiProperty({ type: [ComplaintViewDto] }) items: ComplaintViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CaseEventViewDto {
  @ApiProperty() id: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus: string | null;
  @ApiProperty({ type: EventActorDto }) actor: EventActorDto;
  @ApiProperty() data: Record<string, unknown>;
  @ApiProperty() occurredAt: string;
}

export class ReportReceiptDto {
  @ApiProperty({ example: 'JB-2026-0000001-5' }) trackingNo: string;
  @ApiProperty({
    description: 'Shown once: the reporter needs it to follow the report. Stored only as a hash.',
  })
  accessCode: string;
}

export class MessageViewDto {
  @ApiProperty({ enum: ['REPORTER', 'COMPLAINANT', 'STAFF'] }) author: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
}

/** A page of a case's message thread, oldest first. */
export class MessagePageDto {
  @ApiProperty({ type: [MessageViewDto] }) items: MessageViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReportStepDto {
  @ApiProperty({ enum: ['INSPECTION'] }) proceeding: string;
  @ApiProperty({ description: "the proceeding's status, e.g. INVESTIGATING, CLOSED" }) status: string;
  @ApiProperty({ description: 'the status in plain zh-CN (with the outcome once closed)' }) label: string;
  @ApiProperty({ nullable: true, type: String, description: 'date of that status (Asia/Shanghai)' })
  on: string | null;
}

export class ReportStatusDto {
  @ApiProperty() trackingNo: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, description: 'the intake status (ROUTED once handed on)' })
  status: string;
  @ApiProperty({
    nullable: true,
    type: ReportStepDto,
    description: 'where the report stands in the proceeding it was routed to (follows the inspection case)',
  })
  currentStep: ReportStepDto | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty({
    type: [MessageViewDto],
    description:
      "the channel's first page, oldest first (20 messages at most); the rest from GET /reports/:trackingNo/messages",
  })
  messages: MessageViewDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'cursor of the next page of the channel (GET /reports/:trackingNo/messages?cursor=), null if none',
  })
  messagesNextCursor: string | null;
}
