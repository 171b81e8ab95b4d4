export { ArbitrationCase } from './arbitration-case.entity';
export { ArbitrationClaim } from './arbitration-claim.entity';
export { ArbitrationCommission } from './arbitration-commission.entity';
export { ArbitrationHearing } from './arbitration-hearing.entity';
export { MinimumWage } from './minimum-wage.entity';
export { AverageWage } from './average-wage.entity';
export { ArbitrationAward } from './arbitration-award.entity';
export { ArbitrationProvisionalExecution } from './arbitration-provisional-execution.entity';
export { ArbitrationRecusal } from './arbitration-recusal.entity';

import { ArbitrationCase } from './arbitration-case.entity';
import { ArbitrationClaim } from './arbitration-claim.entity';
import { ArbitrationCommission } from './arbitration-commission.entity';
import { ArbitrationHearing } from './arbitration-hearing.entity';
import { MinimumWage } from './minimum-wage.entity';
import { AverageWage } from './average-wage.entity';
import { ArbitrationAward } from './arbitration-award.entity';
import { ArbitrationProvisionalExecution } from './arbitration-provisional-execution.entity';
import { ArbitrationRecusal } from './arbitration-recusal.entity';

/** The arbitration module's entities, listed in src/entities.ts. */
export const ARBITRATION_ENTITIES = [
  ArbitrationCase,
  ArbitrationClaim,
  ArbitrationHearing,
  ArbitrationCommission,
  MinimumWage,
  AverageWage,
  ArbitrationAward,
  ArbitrationProvisionalExecution,
  ArbitrationRecusal,
];
