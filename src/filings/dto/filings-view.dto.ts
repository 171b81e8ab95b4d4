import { ApiProperty } from '@nestjs/swagger';
import {
  CLOSURE_KINDS,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  HARMONIOUS_LEVELS,
  type ClosureKind,
  type ContractKind,
  type ContractStatus,
  type HarmoniousLevel,
} from '../filings.rules';
import { LAYOFF_GROUNDS } from '../layoff.rules';

/** What the filings endpoints answer. */

export class EmployerSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
}

class FilingViewBase {
  @ApiProperty() id: string;
  @ApiProperty({ type: EmployerSummaryDto }) employer: EmployerSummaryDto;
  @ApiProperty() streetCode: string;
  @ApiProperty() createdAt: string;
}

/** Why a layoff was judged with the employer's other cuts (platform rule against splitting, 第四十一条). */
export class Art41CombinedDto {
  @ApiProperty({ description: "This filing's cut plus the cuts of the filings counted with it" })
  headcountCut: number;
  @ApiProperty({ description: 'The largest staff any of them reported (the share is taken of it)' })
  totalHeadcount: number;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'Earlier filings counted' })
  countedFilingIds: string[];
  @ApiProperty({
    description: "Filings whose layoff date is within this many days of this filing's are counted",
  })
  windowDays: number;
}

export class LayoffFilingViewDto extends FilingViewBase {
  @ApiProperty() filedOn: string;
  @ApiProperty() layoffOn: string;
  @ApiProperty() headcountCut: number;
  @ApiProperty() totalHeadcount: number;
  @ApiProperty({
    description:
      "劳动合同法 第四十一条 governs the layoff, alone or with the employer's earlier filings counted with it (art41Combined)",
  })
  art41Applies: boolean;
  @ApiProperty({
    type: Art41CombinedDto,
    nullable: true,
    description:
      'The earlier filings of the employer counted with this one (layoff dates within 90 days) and the totals the Art 41 test used; null when judged alone. Set at filing; an earlier filing is not changed by a later one',
  })
  art41Combined: Art41CombinedDto | null;
  @ApiProperty({ nullable: true, type: String }) unionOrStaffNotifiedOn: string | null;
  @ApiProperty({ enum: LAYOFF_GROUNDS, isArray: true }) grounds: string[];
  @ApiProperty() reasons: string;
  @ApiProperty({ nullable: true, type: String }) consultationRecord: string | null;
  @ApiProperty() status: string;
}

export class ClosureNoticeViewDto extends FilingViewBase {
  @ApiProperty({ enum: CLOSURE_KINDS }) kind: ClosureKind;
  @ApiProperty() notifiedOn: string;
  @ApiProperty() effectiveOn: string;
  @ApiProperty() workersAffected: number;
  @ApiProperty({ nullable: true, type: String }) resettlementPlan: string | null;
  @ApiProperty({ nullable: true, type: String }) details: string | null;
}

export class CollectiveContractViewDto extends FilingViewBase {
  @ApiProperty({ enum: CONTRACT_KINDS }) contractKind: ContractKind;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty() workersCovered: number;
  @ApiProperty() signedOn: string;
  @ApiProperty() submittedOn: string;
  @ApiProperty({ description: 'Received more than 10 days after signature' }) submittedLate: boolean;
  @ApiProperty() objectionDeadline: string;
  @ApiProperty() effectiveOn: string;
  @ApiProperty({ enum: CONTRACT_STATUSES, description: 'As of today' }) status: ContractStatus;
  @ApiProperty({ nullable: true, type: String }) objectedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionOpinion: string | null;
}

export class HarmoniousEnterpriseViewDto extends FilingViewBase {
  @ApiProperty() year: number;
  @ApiProperty({ enum: HARMONIOUS_LEVELS }) level: HarmoniousLevel;
  @ApiProperty() recognisedOn: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ nullable: true, type: String }) revokedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason: string | null;
  @ApiProperty({ description: 'On the register today' }) onRegister: boolean;
}

export class LayoffPageDto {
  @ApiProperty({ type: [LayoffFilingViewDto] }) items: LayoffFilingViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
export class ClosurePageDto {
  @ApiProperty({ type: [ClosureNoticeViewDto] }) items: ClosureNoticeViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
export class CollectiveContractPageDto {
  @ApiProperty({ type: [CollectiveContractViewDto] }) items: CollectiveContractViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
export class HarmoniousPageDto {
  @ApiProperty({ type: [HarmoniousEnterpriseViewDto] }) items: HarmoniousEnterpriseViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class KpiStreetDto {
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ description: 'Enterprises on the register (each counted once)' }) count: number;
}

export class KpiDistrictDto extends KpiStreetDto {
  @ApiProperty({ example: 1200 }) target: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ description: 'How many more are needed (0 when met)' }) shortfall: number;
}

export class HarmoniousKpiDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ example: 1200 }) target: number;
  @ApiProperty({ type: [KpiDistrictDto], description: 'Districts your scope covers entirely' })
  districts: KpiDistrictDto[];
  @ApiProperty({ type: [KpiStreetDto], description: 'Streets in your scope with at least one enterprise' })
  streets: KpiStreetDto[];
}
