import type { ErrorTable, ErrorTables } from './common/errors/catalogue';
import { COMMON_ERRORS } from './common/errors/common.errors';
import { AUTH_ERRORS } from './auth/auth.errors';
import { COMPLAINTS_ERRORS } from './complaints/complaints.errors';
import { EVIDENCE_ERRORS } from './evidence/evidence.errors';
import { MEDIATION_ERRORS } from './mediation/mediation.errors';
import { ARBITRATION_ERRORS } from './arbitration/arbitration.errors';
import { INSPECTION_ERRORS } from './inspection/inspection.errors';
import { COMPLIANCE_ERRORS } from './compliance/compliance.errors';
import { FILINGS_ERRORS } from './filings/filings.errors';
import { RISK_ERRORS } from './risk/risk.errors';
import { SLA_ERRORS } from './sla/sla.errors';
import { STAFF_ERRORS } from './staff/staff.errors';
import { REFERENCE_ERRORS } from './reference/reference.errors';
import { DEADLINES_ERRORS } from './deadlines/deadlines.errors';
import { WORKERS_ERRORS } from './workers/workers.errors';
import { NOTIFICATIONS_ERRORS } from './notifications/notifications.errors';
import { OPS_ERRORS } from './ops/ops.errors';

/**
 * Every error table, at the composition root (common imports no module). `satisfies` makes tsc fail when a module
 * declares a table (by augmenting `ErrorTables`) that is not listed here; createApp registers them for the filter.
 */
export const ERROR_TABLES = {
  common: COMMON_ERRORS,
  auth: AUTH_ERRORS,
  complaints: COMPLAINTS_ERRORS,
  evidence: EVIDENCE_ERRORS,
  mediation: MEDIATION_ERRORS,
  arbitration: ARBITRATION_ERRORS,
  inspection: INSPECTION_ERRORS,
  compliance: COMPLIANCE_ERRORS,
  filings: FILINGS_ERRORS,
  risk: RISK_ERRORS,
  sla: SLA_ERRORS,
  staff: STAFF_ERRORS,
  reference: REFERENCE_ERRORS,
  deadlines: DEADLINES_ERRORS,
  workers: WORKERS_ERRORS,
  notifications: NOTIFICATIONS_ERRORS,
  ops: OPS_ERRORS,
} as const satisfies { [M in keyof ErrorTables]: ErrorTables[M] } & Record<string, ErrorTable>;
