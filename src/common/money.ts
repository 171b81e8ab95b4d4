/**
 * Integer fen (分) as yuan with two decimals, e.g. 1250001 → '12500.01元'. Exact: integer arithmetic only, so a
 * large amount is never rounded by floating point.
 */
export function formatYuan(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${String(cents).padStart(2, '0')}元`;
}
