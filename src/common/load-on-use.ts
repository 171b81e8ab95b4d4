/*
 * exceljs is loaded on first use instead of at start-up (issue 17, memory): every module a process loads keeps its
 * source text and compiled code in the heap for good, and each mark-compact walks them; only the staff import and the
 * monthly report read or write XLSX. (The S3 and SMS SDKs are loaded the same way where their backend is chosen:
 * evidence.module.ts, sms-providers/create-sms-sender.ts.)
 */

/** exceljs, for the staff import (XLSX) and the monthly report's XLSX. */
export function excelJs(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof import('exceljs');
}
