/** Kinds of labor-security violation recorded on an employer's history (one finding may have several). */
export const VIOLATION_KINDS = [
  'WAGE_ARREARS',
  'MINIMUM_WAGE',
  'NO_CONTRACT',
  'SOCIAL_INSURANCE',
  'OVERTIME',
  'WOMEN_MINORS_PROTECTION',
  'CHILD_LABOR',
  'FORCED_LABOR',
  'LABOR_DISPATCH',
  'OBSTRUCTION',
  'OTHER',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const VIOLATION_SOURCES = ['INSPECTION', 'MANUAL'] as const;
export type ViolationSource = (typeof VIOLATION_SOURCES)[number];

export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

/** Case events of an employer (listing, removal, violations) are filed under this case type. */
export const EMPLOYER_CASE = 'EMPLOYER';
