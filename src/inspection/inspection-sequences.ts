/** The sequence of a numbering scope and year: `CASE` → `inspection_seq_case_2026`, `DOC:PENALTY_NOTICE` → `…_doc_penalty_notice_2026`. */
export function inspectionSequenceName(scope: string, year: number): string {
  if (!/^(CASE|DOC:[A-Z_]{1,30})$/.test(scope) || !Number.isInteger(year) || year < 2000 || year > 9999)
    throw new Error(`bad inspection sequence ${scope} ${year}`);
  return `inspection_seq_${scope.toLowerCase().replace(':', '_')}_${year}`;
}
