import { MediationAgreement } from './mediation-agreement.entity';
import { MediationCase } from './mediation-case.entity';
import { MediationCaseCounter, MediationCaseNumberFormat } from './mediation-case-number.entity';
import { MediationInstalment } from './mediation-instalment.entity';
import { MediationSession } from './mediation-session.entity';
import { MediatorConflict } from './mediator-conflict.entity';

/** The mediation module's tables, for the platform's entity list. */
export const MEDIATION_ENTITIES = [
  MediationCase,
  MediationSession,
  MediationAgreement,
  MediationInstalment,
  MediatorConflict,
  MediationCaseCounter,
  MediationCaseNumberFormat,
];
