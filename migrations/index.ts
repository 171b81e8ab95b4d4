import { Initial1795684964748 } from './1795684964748-initial';
import { ArbitrationCorrection1796400010500 } from './1796400010500-arbitration-correction';
import { CorrectionAcceptancePause1796400007700 } from './1796400007700-correction-acceptance-pause';
import { CollectiveProceedings1796300000000 } from './1796300000000-collective-proceedings';
import { ArbitrationCourtOption1796300000100 } from './1796300000100-arbitration-court-option';
import { Registers1796300000200 } from './1796300000200-registers';
import { RateLimitHits1796300000300 } from './1796300000300-rate-limit-hits';
import { CaseEventsAppendOnly1795684964800 } from './1795684964800-case-events-append-only';
import { CalendarAndClocks1795687215259 } from './1795687215259-calendar-and-clocks';
import { Routing1795688178256 } from './1795688178256-routing';
import { Evidence1795688260761 } from './1795688260761-evidence';
import { JobFailures1795688935879 } from './1795688935879-job-failures';
import { Mediation1795688993548 } from './1795688993548-mediation';
import { Arbitration1795689066934 } from './1795689066934-arbitration';
import { Collective1795690172872 } from './1795690172872-collective';
import { HearingPostponement1795690948027 } from './1795690948027-hearing-postponement';
import { EmployerContact1795691774291 } from './1795691774291-employer-contact';
import { Filings1795694026657 } from './1795694026657-filings';
import { InspectionPlans1795693972270 } from './1795693972270-inspection-plans';
import { Compliance1795694043078 } from './1795694043078-compliance';
import { Inspection1795693925917 } from './1795693925917-inspection';
import { SlaReadModel1795694247113 } from './1795694247113-sla-read-model';
import { Risk1795694429927 } from './1795694429927-risk';
import { SlaHandlingDays1795698616580 } from './1795698616580-sla-handling-days';
import { NotificationsInbox1795704426328 } from './1795704426328-notifications-inbox';
import { ComplaintsReceivedOn1795705260131 } from './1795705260131-complaints-received-on';
import { ComplaintsEmployerReceived1795708873687 } from './1795708873687-complaints-employer-received';
import { NotificationsInAppRecipient1795741156294 } from './1795741156294-notifications-in-app-recipient';
import { StaffSessions1795745000000 } from './1795745000000-staff-sessions';
import { ArbitrationGates1795760000000 } from './1795760000000-arbitration-gates';
import { ArbitrationLimitation1795761000000 } from './1795761000000-arbitration-limitation';
import { WorkerIdentities1796219772152 } from './1796219772152-worker-identities';
import { SupplementaryPublication1796310000000 } from './1796310000000-supplementary-publication';
import { NotificationsDeliveryAttempts1796300001000 } from './1796300001000-notifications-delivery-attempts';
import { MediationCaseNumbers1796320000100 } from './1796320000100-mediation-case-numbers';
import { SearchIndexes1796320000200 } from './1796320000200-search-indexes';
import { TrackingSequences1796400000010 } from './1796400000010-tracking-sequences';
import { ListIndexes1796400000020 } from './1796400000020-list-indexes';
import { PiiEncryptedAtRest1796400000100 } from './1796400000100-pii-encrypted-at-rest';
import { WorkerLoginPhone1796400000110 } from './1796400000110-worker-login-phone';
import { IdempotencyReferences1796400000120 } from './1796400000120-idempotency-references';
import { AverageWages1796400000500 } from './1796400000500-average-wages';
import { ArbitrationAwardDocuments1796400000510 } from './1796400000510-arbitration-award-documents';
import { InspectionReportReward1796400000520 } from './1796400000520-inspection-report-reward';
import { ReadContractViews1796400001300 } from './1796400001300-read-contract-views';
import { SearchReadContractViews1796400001400 } from './1796400001400-search-read-contract-views';
import { ComplaintAcknowledgedAt1796400001500 } from './1796400001500-complaint-acknowledged-at';
import { EmployerNameGrams1796400001600 } from './1796400001600-employer-name-grams';
import { ComplaintDuplicateProbeIndex1796400001700 } from './1796400001700-complaint-duplicate-probe-index';
import { PiiAccessPerRead1796400001800 } from './1796400001800-pii-access-per-read';
import { ArbitrationCaseEmployer1796400001900 } from './1796400001900-arbitration-case-employer';
import { StreetCodePages1796400002000 } from './1796400002000-street-code-pages';
import { InspectionStreetPages1796400002100 } from './1796400002100-inspection-street-pages';
import { MediationPeriodStart1796400002200 } from './1796400002200-mediation-period-start';
import { InspectionRefusalReferral1796400002300 } from './1796400002300-inspection-refusal-referral';
import { InspectionKpiScope1796400002400 } from './1796400002400-inspection-kpi-scope';
import { GradingCitationArticle1796400002500 } from './1796400002500-grading-citation-article';
import { RiskWarningsClosedIndex1796400002600 } from './1796400002600-risk-warnings-closed-index';
import { NotificationsUndeliveredIndex1796400002700 } from './1796400002700-notifications-undelivered-index';
import { LoginFailuresClient1796400002800 } from './1796400002800-login-failures-client';
import { BlacklistPersons1796400002900 } from './1796400002900-blacklist-persons';
import { BlacklistNoticePersons1796400003100 } from './1796400003100-blacklist-notice-persons';
import { LayoffSplitRule1796400003300 } from './1796400003300-layoff-split-rule';
import { NotificationsDedupKeyLength1796400003500 } from './1796400003500-notifications-dedup-key-length';
import { MediationSessionCancelled1796400005100 } from './1796400005100-mediation-session-cancelled';
import { ArbitrationKpiCaseNumber1796400005300 } from './1796400005300-arbitration-kpi-case-number';
import { EmployerStatements1796400006600 } from './1796400006600-employer-statements';
import { InspectionDueRecount1796400006900 } from './1796400006900-inspection-due-recount';
import { StatementDueRecount1796400007100 } from './1796400007100-statement-due-recount';
import { EmployerNameConfirmedViews1796400007300 } from './1796400007300-employer-name-confirmed-views';
import { RiskPaidArrearsViews1796400007900 } from './1796400007900-risk-paid-arrears-views';
import { RiskFindingOrderViews1796400009300 } from './1796400009300-risk-finding-order-views';
import { RiskCaseOrderRefused1796400009400 } from './1796400009400-risk-case-order-refused';
import { ArbitrationKpiCommission1796400009500 } from './1796400009500-arbitration-kpi-commission';
import { CasePartyViews1796400009600 } from './1796400009600-case-party-views';
import { ComplaintKpiRouting1796400010100 } from './1796400010100-complaint-kpi-routing';
import { InspectionMergedInto1796400010200 } from './1796400010200-inspection-merged-into';
import { ComplaintEmployerAddressStated1796400010300 } from './1796400010300-complaint-employer-address-stated';
import { RecusalDecisionClock1796400010450 } from './1796400010450-recusal-decision-clock';
import { ArbitrationTakesComplaintClock1796400008100 } from './1796400008100-arbitration-takes-complaint-clock';
import { MinimumWageSource1796400008200 } from './1796400008200-minimum-wage-source';
import { ArbitrationClaimMembers1796400008400 } from './1796400008400-arbitration-claim-members';
import { ClaimsWithoutAmount1796400008450 } from './1796400008450-claims-without-amount';
import { MediationClockStoppedByApplication1796400008700 } from './1796400008700-mediation-clock-stopped-by-application';
import { WorkerIdNumberNotUnique1796400008800 } from './1796400008800-worker-id-number-not-unique';
import { WorkerIdentityCorrections1796400009100 } from './1796400009100-worker-identity-corrections';
import { ArbitrationRecusedArbitrators1796400010000 } from './1796400010000-arbitration-recused-arbitrators';
import { ArbitrationRecusals1796400010010 } from './1796400010010-arbitration-recusals';

/** The ordered list of migrations: the only way the schema changes. New migrations are appended here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795684964748,
  CaseEventsAppendOnly1795684964800,
  CalendarAndClocks1795687215259,
  Routing1795688178256,
  Evidence1795688260761,
  JobFailures1795688935879,
  Mediation1795688993548,
  Arbitration1795689066934,
  Collective1795690172872,
  HearingPostponement1795690948027,
  EmployerContact1795691774291,
  Filings1795694026657,
  InspectionPlans1795693972270,
  Compliance1795694043078,
  Inspection1795693925917,
  SlaReadModel1795694247113,
  Risk1795694429927,
  SlaHandlingDays1795698616580,
  NotificationsInbox1795704426328,
  ComplaintsReceivedOn1795705260131,
  ComplaintsEmployerReceived1795708873687,
  NotificationsInAppRecipient1795741156294,
  StaffSessions1795745000000,
  ArbitrationGates1795760000000,
  ArbitrationLimitation1795761000000,
  WorkerIdentities1796219772152,
  CollectiveProceedings1796300000000,
  ArbitrationCourtOption1796300000100,
  Registers1796300000200,
  RateLimitHits1796300000300,
  SupplementaryPublication1796310000000,
  NotificationsDeliveryAttempts1796300001000,
  MediationCaseNumbers1796320000100,
  SearchIndexes1796320000200,
  TrackingSequences1796400000010,
  ListIndexes1796400000020,
  PiiEncryptedAtRest1796400000100,
  WorkerLoginPhone1796400000110,
  IdempotencyReferences1796400000120,
  AverageWages1796400000500,
  ArbitrationAwardDocuments1796400000510,
  InspectionReportReward1796400000520,
  ReadContractViews1796400001300,
  SearchReadContractViews1796400001400,
  ComplaintAcknowledgedAt1796400001500,
  EmployerNameGrams1796400001600,
  ComplaintDuplicateProbeIndex1796400001700,
  PiiAccessPerRead1796400001800,
  ArbitrationCaseEmployer1796400001900,
  StreetCodePages1796400002000,
  InspectionStreetPages1796400002100,
  MediationPeriodStart1796400002200,
  InspectionRefusalReferral1796400002300,
  InspectionKpiScope1796400002400,
  GradingCitationArticle1796400002500,
  RiskWarningsClosedIndex1796400002600,
  NotificationsUndeliveredIndex1796400002700,
  LoginFailuresClient1796400002800,
  BlacklistPersons1796400002900,
  BlacklistNoticePersons1796400003100,
  LayoffSplitRule1796400003300,
  NotificationsDedupKeyLength1796400003500,
  MediationSessionCancelled1796400005100,
  ArbitrationKpiCaseNumber1796400005300,
  EmployerStatements1796400006600,
  InspectionDueRecount1796400006900,
  StatementDueRecount1796400007100,
  EmployerNameConfirmedViews1796400007300,
  CorrectionAcceptancePause1796400007700,
  RiskPaidArrearsViews1796400007900,
  ArbitrationTakesComplaintClock1796400008100,
  MinimumWageSource1796400008200,
  ArbitrationClaimMembers1796400008400,
  ClaimsWithoutAmount1796400008450,
  MediationClockStoppedByApplication1796400008700,
  WorkerIdNumberNotUnique1796400008800,
  WorkerIdentityCorrections1796400009100,
  RiskFindingOrderViews1796400009300,
  RiskCaseOrderRefused1796400009400,
  ArbitrationKpiCommission1796400009500,
  CasePartyViews1796400009600,
  ArbitrationRecusedArbitrators1796400010000,
  ArbitrationRecusals1796400010010,
  ComplaintKpiRouting1796400010100,
  InspectionMergedInto1796400010200,
  ComplaintEmployerAddressStated1796400010300,
  RecusalDecisionClock1796400010450,
  ArbitrationCorrection1796400010500,
];
