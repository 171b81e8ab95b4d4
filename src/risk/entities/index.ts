import { RiskRuleSetRow } from './risk-rule-set.entity';
import { RiskRun } from './risk-run.entity';
import { RiskSignal } from './risk-signal.entity';
import { RiskWarning, RiskWarningEvent } from './risk-warning.entity';

export const RISK_ENTITIES = [RiskSignal, RiskRuleSetRow, RiskWarning, RiskWarningEvent, RiskRun];
