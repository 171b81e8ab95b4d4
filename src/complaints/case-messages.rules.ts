/**
 * The case message thread (POST /complaints/:id/messages): how a staff reply is announced to the worker. A platform
 * rule, not a statutory one: the worker gets an in-app item for every reply, but at most one SMS per complaint in
 * each window of CASE_MESSAGE_SMS_WINDOW_MINUTES (a burst of replies is one text), and the SMS names the case only —
 * never the message, which may hold personal data.
 */
export const CASE_MESSAGE_SMS_WINDOW_MINUTES = 10;

/** The window (its number since the epoch) a message stored at `at` falls in. */
export function caseMessageSmsWindow(at: Date): number {
  return Math.floor(at.getTime() / (CASE_MESSAGE_SMS_WINDOW_MINUTES * 60_000));
}

/** The SMS's dedup key: one delivery per complaint and window, whatever the number of replies in it. */
export function caseMessageSmsKey(complaintId: string, at: Date): string {
  return `case-message:${complaintId}:${caseMessageSmsWindow(at)}`;
}
