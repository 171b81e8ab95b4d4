import { BlacklistEntry } from './blacklist-entry.entity';
import { BlacklistNotice } from './blacklist-notice.entity';
import { EmployerGrade } from './employer-grade.entity';
import { EmployerViolation } from './employer-violation.entity';
import { ViolationPublication, ViolationPublicationItem } from './violation-publication.entity';

export {
  BlacklistEntry,
  BlacklistNotice,
  EmployerGrade,
  EmployerViolation,
  ViolationPublication,
  ViolationPublicationItem,
};

/** The compliance module's entities, listed in src/entities.ts. */
export const COMPLIANCE_ENTITIES = [
  EmployerViolation,
  EmployerGrade,
  BlacklistEntry,
  BlacklistNotice,
  ViolationPublication,
  ViolationPublicationItem,
];
