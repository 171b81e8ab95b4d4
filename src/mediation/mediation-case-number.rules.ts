/**
 * Mediation case numbers (调解案号). The format follows the 人民调解卷宗 cover of the Ministry of Justice's
 * 人民调解文书格式 (卷号 "（年）×人调字第×号"), with the year in 〔〕 as in the district's other case numbers
 * (浦劳人仲〔2026〕第12号): e.g. 浦陆家嘴人调字〔2026〕第3号. Counted per committee and year.
 */

/** The format where no row of mediation_case_number_formats covers the committee's street. */
// Source: 司法部《人民调解文书格式》人民调解卷宗 卷号 "（ ）人调字第 号" (platform default; configurable by table row).
export const DEFAULT_MEDIATION_CASE_NUMBER_FORMAT = '{street}人调字〔{year}〕第{n}号';

/** The placeholders a format may use; {n} is required (the number is what makes it unique). */
export const MEDIATION_CASE_NUMBER_PLACEHOLDERS = ['{street}', '{year}', '{n}'] as const;

/** A street's short name as used in case numbers: 陆家嘴街道 → 陆家嘴, 张江镇 → 张江. */
export function streetShortName(name: string): string {
  const short = name.replace(/(街道|镇|乡)$/u, '');
  return short.length > 0 ? short : name;
}

/** The case number of the n-th mediation of a committee in a year, in the given format. */
export function formatMediationCaseNumber(format: string, street: string, year: number, n: number): string {
  if (!format.includes('{n}')) throw new RangeError('a mediation case-number format needs {n}');
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a positive number');
  return format
    .replaceAll('{street}', streetShortName(street))
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', String(n));
}

/** Of the configured formats, the one whose jurisdiction prefix is the longest that covers the street. */
export function formatForStreet(
  formats: readonly { jurisdictionPrefix: string; format: string }[],
  streetCode: string,
): string {
  const covering = formats
    .filter((f) => streetCode.startsWith(f.jurisdictionPrefix))
    .sort((a, b) => b.jurisdictionPrefix.length - a.jurisdictionPrefix.length);
  return covering[0]?.format ?? DEFAULT_MEDIATION_CASE_NUMBER_FORMAT;
}
