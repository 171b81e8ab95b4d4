import { ClosureNotice } from './closure-notice.entity';
import { CollectiveContractFiling } from './collective-contract-filing.entity';
import { HarmoniousEnterprise } from './harmonious-enterprise.entity';
import { LayoffFiling } from './layoff-filing.entity';

export { ClosureNotice, CollectiveContractFiling, HarmoniousEnterprise, LayoffFiling };

/** The filings module's tables, for the platform's entity list. */
export const FILINGS_ENTITIES = [LayoffFiling, ClosureNotice, CollectiveContractFiling, HarmoniousEnterprise];
