import type { Role } from '../auth/roles';
import { EXTENSIONS, type AttachmentContentType } from './file-type';

/** Largest attachment accepted: 10 MiB. Enforced while the upload streams, never after buffering it. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * The case file of one complaint holds at most this much (platform rule, no statute: one dispute's evidence, not a
 * store; it bounds what one account can make the platform keep). Checked before a byte is stored and again, with
 * the new file's size, under the complaint's lock in the insert transaction.
 */
export const CASE_FILE_LIMITS = { maxFiles: 50, maxBytes: 200 * 1024 * 1024 } as const;

/** Pure: whether a case file holding `files` files of `bytes` bytes in all can take one more of `addBytes`. */
export function caseFileTakes(
  held: { files: number; bytes: number },
  addBytes: number,
  limits: { maxFiles: number; maxBytes: number } = CASE_FILE_LIMITS,
): boolean {
  return held.files + 1 <= limits.maxFiles && held.bytes + addBytes <= limits.maxBytes;
}

/**
 * Complaint statuses whose case file is closed to the complainant (platform rule, no statute): a withdrawn (撤回) or
 * refused (不予受理) complaint is handled by nobody, so evidence sent to it would be read by nobody. Staff of its
 * street may still file a document for the record (the signed withdrawal, the served refusal). A routed complaint
 * stays open whatever its proceedings' states: its case file follows the dispute to the next one (a failed
 * mediation to arbitration, an inspection to arbitration), and the complaint has no closed state of its own.
 */
export const CASE_FILE_CLOSED_STATUSES: readonly string[] = ['WITHDRAWN', 'REJECTED'];

/** Pure: whether a caller of `role` may add evidence to a complaint in `status`. */
export function caseFileOpenTo(status: string, role: Role): boolean {
  return role !== 'WORKER' || !CASE_FILE_CLOSED_STATUSES.includes(status);
}

/** Longest description of an attachment, in characters. */
export const MAX_DESCRIPTION_LENGTH = 500;
/** Longest display name kept, in characters (the column is varchar(200)). */
export const MAX_FILENAME_LENGTH = 200;

/**
 * Limits handed to @fastify/multipart for an upload: one file, a few text fields, each bounded. `fieldSize`
 * leaves room for 500 characters of 4-byte UTF-8, so a longer description usually reaches the DTO; one over
 * `fieldSize` gets the same VALIDATION_FAILED from upload-errors.ts, and the other limits their own codes there.
 */
export const UPLOAD_LIMITS = {
  fileSize: MAX_ATTACHMENT_BYTES,
  files: 1,
  fields: 5,
  parts: 6,
  fieldNameSize: 100,
  fieldSize: 4 * MAX_DESCRIPTION_LENGTH + 64,
  headerPairs: 20,
} as const;

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides that make
// "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name the uploader gave the file, for display only (storage keys never derive from it): the last path
 * segment, without control or bidi-override characters, at most 200 characters with the extension kept. A name
 * that ends up empty becomes "attachment" with the extension of the detected type.
 */
export function sanitizeFilename(raw: string | undefined, type: AttachmentContentType): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE_CHARS, '').trim();
  if (name === '' || name === '.' || name === '..') return `attachment${EXTENSIONS[type]}`;
  const chars = Array.from(name);
  if (chars.length > MAX_FILENAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
    const keep = ext.length > 0 && ext.length <= 10 ? ext : [];
    name = [...chars.slice(0, MAX_FILENAME_LENGTH - keep.length), ...keep].join('').trim();
  }
  return name;
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, with the characters encodeURIComponent leaves but RFC 5987 does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` for a download (RFC 6266): always `attachment`, an ASCII-only `filename` for old
 * clients and the exact name as `filename*=UTF-8''…`.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(filename)}`;
}

/** A storage key for a new attachment: generated from its id, never from the user's file name. */
export function storageKeyFor(attachmentId: string, now = new Date()): string {
  const month = now.toISOString().slice(0, 7); // YYYY-MM (UTC): keeps directories small
  return `attachments/${month}/${attachmentId}`;
}
