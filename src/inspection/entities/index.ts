import { InspectionCase } from './inspection-case.entity';
import { InspectionCounter } from './inspection-counter.entity';
import { InspectionDocument } from './inspection-document.entity';
import { InspectionRecovery } from './inspection-recovery.entity';
import { WageCrimeThresholdRow } from './wage-crime-threshold.entity';

export { InspectionCase, InspectionCounter, InspectionDocument, InspectionRecovery, WageCrimeThresholdRow };

/** The inspection module's entities, listed in src/entities.ts. */
export const INSPECTION_ENTITIES = [
  InspectionCase,
  InspectionDocument,
  InspectionRecovery,
  WageCrimeThresholdRow,
  InspectionCounter,
];
