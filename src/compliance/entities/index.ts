import { BlacklistEntry } from './blacklist-entry.entity';
import { BlacklistNotice } from './blacklist-notice.entity';
import { BlacklistNoticePerson } from './blacklist-notice-person.entity';
import { BlacklistPerson } from './blacklist-person.entity';
import { EmployerGrade } from './employer-grade.entity';
import { EmployerViolation } from './employer-violation.entity';
import { ViolationPublication, ViolationPublicationItem } from './violation-publication.entity';

export {
  BlacklistEntry,
  BlacklistNotice,
  BlacklistNoticePerson,
  BlacklistPerson,
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
  BlacklistPerson,
  BlacklistNotice,
  BlacklistNoticePerson,
  ViolationPublication,
  ViolationPublicationItem,
];
