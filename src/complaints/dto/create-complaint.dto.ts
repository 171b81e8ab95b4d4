import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { REJECTION_REASONS, type RejectionReason } from '../complaint.state';
import { ROUTE_TARGETS, type RouteTarget } from '../routing.rules';
import { ON_BEHALF_RELATIONSHIPS, type OnBehalfRelationship } from '../complainant.rules';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsChineseIdNumber, IsLocalDate, IsMainlandMobile, IsUscc } from '../../common/validation/decorators';
import {
  AMOUNT_REQUIRED_CATEGORIES,
  COMPLAINT_CATEGORIES,
  INTAKE_CHANNELS,
  type ComplaintCategory,
  type IntakeChannel,
} from '../complaint.constants';
import { trim } from '../../common/validation/transforms';
import { ArbitrationOverrideDto } from './arbitration-override.dto';

const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** Largest claim accepted: ¥100 million, in fen. */
export const MAX_CLAIM_FEN = 10_000_000_000;

/**
 * A claim to money by nature (AMOUNT_REQUIRED_CATEGORIES) claims something: at least 1 fen. An amount the other
 * categories give is ≥ 0 (@Min), none is null.
 */
function OwesSomething(): PropertyDecorator {
  return ValidateBy({
    name: 'owesSomething',
    validator: {
      validate: (v: unknown, args) =>
        !AMOUNT_REQUIRED_CATEGORIES.includes((args?.object as CreateComplaintDto).category) ||
        typeof v !== 'number' ||
        v >= 1,
      defaultMessage: () => 'must be at least 1 fen for WAGE_ARREARS and OVERTIME_PAY',
    },
  });
}

export class EmployerRefDto {
  @ApiProperty({ example: '上海某某建筑劳务有限公司' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: '91350100M000100Y43',
    description: '18-character Unified Social Credit Code (GB 32100-2015)',
  })
  @IsOptional()
  @Transform(upperTrim)
  @IsString()
  @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({ example: '浦东新区世纪大道100号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({
    example: '13912345678',
    description: 'Mobile number of the employer’s contact (for reminders)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsMainlandMobile()
  contactPhone?: string;
}

/**
 * The complainant. A worker names only themselves: the fields default to their profile and phone, and a value
 * that differs from them is refused. Staff (HOTLINE_12333, WALK_IN) give all three.
 */
export class ComplainantDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description: '18-digit resident ID number (GB 11643 check digit)',
  })
  @IsOptional()
  @Transform(upperTrim)
  @IsString()
  @IsChineseIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsMainlandMobile()
  phone?: string;
}

/** Someone a worker files for (family, a colleague…): recorded, unverified, and texted only once they sign up. */
export class OnBehalfOfDto {
  @ApiProperty({ example: '张大山' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: '11010519491231002X', description: '18-digit resident ID number (GB 11643)' })
  @Transform(upperTrim)
  @IsString()
  @IsChineseIdNumber()
  idNumber: string;

  @ApiPropertyOptional({
    example: '13900000001',
    description: 'Their mobile number: it gets messages only once its owner signed in with an SMS code',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsMainlandMobile()
  phone?: string;

  @ApiProperty({ enum: ON_BEHALF_RELATIONSHIPS })
  @IsIn(ON_BEHALF_RELATIONSHIPS)
  relationship: OnBehalfRelationship;
}

export class CreateComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({ type: EmployerRefDto })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => EmployerRefDto)
  employer: EmployerRefDto;

  @ApiProperty({ example: '310115005', description: '9-digit street/town code of the workplace' })
  @IsString()
  @Matches(/^\d{9}$/, { message: 'workplaceStreetCode must be a 9-digit street/town code' })
  workplaceStreetCode: string;

  @ApiPropertyOptional({
    example: 1250000,
    nullable: true,
    type: Number,
    description:
      'Claimed amount in fen (分): required and ≥ 1 for WAGE_ARREARS and OVERTIME_PAY (money by nature), ≥ 0; ' +
      'optional (stored as null) for the other categories',
  })
  @ValidateIf(
    (o: CreateComplaintDto) =>
      AMOUNT_REQUIRED_CATEGORIES.includes(o.category) ||
      (o.claimedAmountFen !== undefined && o.claimedAmountFen !== null),
  )
  @IsDefined()
  @IsInt()
  @Min(0)
  @OwesSomething()
  @Max(MAX_CLAIM_FEN)
  claimedAmountFen?: number;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  affectedWorkers: number;

  @ApiProperty({ example: '2026年8月至10月工资未发放' })
  @Transform(trim)
  @IsString()
  // Two characters at least: 工资未发 is a whole statement for a worker (audit: 5 refused it); staff ask for more (补正).
  @MinLength(2)
  @MaxLength(5000)
  facts: string;

  @ApiProperty({ example: '支付拖欠工资12500元' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  requests: string;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @ApiPropertyOptional({
    type: ComplainantDto,
    description: 'Defaults to the signed-in worker (their profile and phone); required from staff',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;

  @ApiPropertyOptional({
    type: OnBehalfOfDto,
    description: 'A worker filing for someone else names them here (not in complainant)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OnBehalfOfDto)
  onBehalfOf?: OnBehalfOfDto;

  @ApiPropertyOptional({
    description: 'The worker wants arbitration rather than mediation (调解仲裁法 第五条)',
  })
  @IsOptional()
  @IsBoolean()
  wantsArbitration?: boolean;
}

/** 举报: anyone, no login, no complainant; the amount is optional. */
export class CreateReportDto extends OmitType(CreateComplaintDto, [
  'complainant',
  'onBehalfOf',
  'claimedAmountFen',
  'wantsArbitration',
] as const) {
  @ApiPropertyOptional({ example: 0, description: 'Amount in fen (分), if known' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  claimedAmountFen?: number;
}

export class PostMessageDto {
  @ApiProperty({ example: '补充材料：工资条已拍照' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;
}

export class AcceptComplaintDto {
  @ApiPropertyOptional({ example: '符合受理条件，转监察大队立案' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    type: ArbitrationOverrideDto,
    description:
      "Accept beside the arbitration that holds the complaint's dispute (pending or decided): else 409 DISPUTE_IN_ARBITRATION",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ArbitrationOverrideDto)
  override?: ArbitrationOverrideDto;
}

export class RejectComplaintDto {
  @ApiProperty({ enum: Object.keys(REJECTION_REASONS) })
  @IsIn(Object.keys(REJECTION_REASONS))
  reason: RejectionReason;

  @ApiPropertyOptional({
    example: '劳动保障监察条例 第二十条',
    description:
      "The legal basis cited to the complainant; defaults to the reason's own (required for DUPLICATE and OTHER)",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  legalBasis?: string;

  @ApiPropertyOptional({
    example: '上海市闵行区人力资源和社会保障局劳动保障监察支队',
    description:
      'Where the complainant should turn instead (required for OUT_OF_JURISDICTION and NOT_LABOR_SECURITY_MATTER: 若干规定 第十八条第四款)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  referTo?: string;

  @ApiPropertyOptional({
    example: '2023-03-31',
    nullable: true,
    type: String,
    description:
      'OVER_LOOKBACK (required): the day the violation ended, or null while it continues; the refusal holds only when ' +
      'that was more than two years before the complaint was received (劳动保障监察条例 第二十条)',
  })
  @IsOptional()
  @IsLocalDate()
  violationEndedOn?: string | null;

  @ApiPropertyOptional({
    example: 'TS202612060000123',
    description: 'DUPLICATE (required): the tracking number of the open complaint this one repeats',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  duplicateOf?: string;

  @ApiPropertyOptional({ example: '违法行为终了于2023年3月' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RouteComplaintDto {
  @ApiProperty({ enum: ROUTE_TARGETS })
  @IsIn(ROUTE_TARGETS)
  target: RouteTarget;

  @ApiPropertyOptional({ description: 'Defaults to the body that serves the workplace street' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: '劳动者同意先行调解' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    type: ArbitrationOverrideDto,
    description:
      "Route to INSPECTION beside the arbitration that holds the complaint's dispute (pending or decided): else 409 DISPUTE_IN_ARBITRATION; never to MEDIATION or ARBITRATION",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ArbitrationOverrideDto)
  override?: ArbitrationOverrideDto;
}

export class DuplicateReviewDto {
  @ApiProperty({
    enum: ['CONFIRM', 'DISMISS'],
    description: 'CONFIRM refuses this complaint as a duplicate; DISMISS clears the flag',
  })
  @IsIn(['CONFIRM', 'DISMISS'])
  decision: 'CONFIRM' | 'DISMISS';
}
