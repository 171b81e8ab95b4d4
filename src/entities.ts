import { CaseEvent } from './audit/entities/case-event.entity';
import { PiiAccess } from './audit/entities/pii-access.entity';
import { CalendarYearRow } from './calendar/entities/calendar-year.entity';
import { ClockEventRow } from './deadlines/entities/clock-event.entity';
import { Clock } from './deadlines/entities/clock.entity';
import { OtpCode } from './auth/entities/otp-code.entity';
import { Organisation } from './reference/entities/organisation.entity';
import { RefreshToken } from './auth/entities/refresh-token.entity';
import { User } from './auth/entities/user.entity';
import { LoginFailure } from './auth/entities/login-failure.entity';
import { RevokedAccessToken } from './auth/entities/revoked-access-token.entity';
import { AdminAuditEvent } from './staff/entities/admin-audit-event.entity';
import { WorkerIdentity } from './workers/entities/worker-identity.entity';
import { WorkerIdentityCorrection } from './workers/entities/worker-identity-correction.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { ComplaintMessage } from './complaints/entities/complaint-message.entity';
import { Complaint } from './complaints/entities/complaint.entity';
import {
  CollectiveDispute,
  CollectiveProposalDismissal,
} from './complaints/entities/collective-dispute.entity';
import { TrackingCounter } from './complaints/entities/tracking-counter.entity';
import { ARBITRATION_ENTITIES } from './arbitration/entities';
import { Attachment } from './evidence/entities/attachment.entity';
import { Notification } from './notifications/entities/notification.entity';
import { JobFailure } from './queue/entities/job-failure.entity';
import { OutboxMessage } from './queue/entities/outbox-message.entity';
import { Employer } from './reference/entities/employer.entity';
import { EmployerNameGram } from './reference/entities/employer-name-gram.entity';
import { Jurisdiction } from './reference/entities/jurisdiction.entity';
import { COMPLIANCE_ENTITIES } from './compliance/entities';
import { MEDIATION_ENTITIES } from './mediation/entities/mediation-entities';
import { FILINGS_ENTITIES } from './filings/entities';
import { INSPECTION_PLAN_ENTITIES } from './inspection/plans/entities';
import { INSPECTION_ENTITIES } from './inspection/entities';
import { SLA_ENTITIES } from './sla/entities';
import { RISK_ENTITIES } from './risk/entities';

/** Every entity of the platform, registered at the composition root (the database layer imports no module); the migration drift test compares these with the migrated schema. */
export const ENTITIES = [
  Jurisdiction,
  Employer,
  EmployerNameGram,
  Organisation,
  User,
  RefreshToken,
  OtpCode,
  RevokedAccessToken,
  LoginFailure,
  AdminAuditEvent,
  Complaint,
  ComplaintMessage,
  TrackingCounter,
  IdempotencyRecord,
  CaseEvent,
  PiiAccess,
  OutboxMessage,
  Notification,
  CalendarYearRow,
  Clock,
  ClockEventRow,
  JobFailure,
  CollectiveDispute,
  CollectiveProposalDismissal,
  Attachment,
  WorkerIdentity,
  WorkerIdentityCorrection,
  ...MEDIATION_ENTITIES,
  ...ARBITRATION_ENTITIES,
  ...FILINGS_ENTITIES,
  ...INSPECTION_PLAN_ENTITIES,
  ...COMPLIANCE_ENTITIES,
  ...INSPECTION_ENTITIES,
  ...SLA_ENTITIES,
  ...RISK_ENTITIES,
];
