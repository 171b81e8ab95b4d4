import { v5 as uuidv5 } from 'uuid';
import type { Organisation, OrganisationKind } from './entities/organisation.entity';

/** Namespace for the deterministic ids of the public bodies (the same body gets the same id everywhere). */
const ORGANISATION_NAMESPACE = '8d0b6a43-5a57-4c8e-9f0d-1b7a4f3c2e10';

export function organisationId(kind: OrganisationKind, jurisdictionCode: string): string {
  return uuidv5(`${kind}:${jurisdictionCode}`, ORGANISATION_NAMESPACE);
}

/**
 * The public bodies of a district: the HRSS bureau, the labor-dispute arbitration commission and the
 * labor-security inspection brigade at district level, and a people's mediation committee in every street/town
 * (调解仲裁法 第十条: 依法设立的基层人民调解组织; 乡镇、街道设立的具有劳动争议调解职能的组织).
 */
export function districtOrganisations(
  district: { code: string; name: string },
  streets: readonly { code: string; name: string }[],
): Omit<Organisation, 'createdAt'>[] {
  const at = (kind: OrganisationKind, code: string, name: string) => ({
    id: organisationId(kind, code),
    kind,
    jurisdictionCode: code,
    name,
  });
  return [
    at('HRSS_BUREAU', district.code, `${district.name}人力资源和社会保障局`),
    at('ARBITRATION_COMMISSION', district.code, `${district.name}劳动人事争议仲裁委员会`),
    at('INSPECTION_BRIGADE', district.code, `${district.name}劳动保障监察大队`),
    ...streets.map((s) => at('MEDIATION_COMMITTEE', s.code, `${s.name}人民调解委员会`)),
  ];
}
