/**
 * Content-type detection by magic bytes: the type of an attachment is decided by its first bytes, never by the
 * file name or the content type the client declared.
 */

export const ATTACHMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** The signatures, each with the type it proves. */
export const FILE_SIGNATURES: readonly { type: AttachmentContentType; magic: Uint8Array }[] = [
  // "%PDF-" (ISO 32000-1 §7.5.2: the header line)
  { type: 'application/pdf', magic: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  // SOI marker followed by the first marker's 0xFF (JFIF, Exif and raw JPEG alike)
  { type: 'image/jpeg', magic: Uint8Array.from([0xff, 0xd8, 0xff]) },
  // PNG signature (RFC 2083 §3.1)
  { type: 'image/png', magic: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** Bytes needed to decide: the longest signature. */
export const SNIFF_BYTES = Math.max(...FILE_SIGNATURES.map((s) => s.magic.length));

/** The type the first bytes prove, or null when they match no accepted signature. */
export function detectFileType(head: Uint8Array): AttachmentContentType | null {
  for (const { type, magic } of FILE_SIGNATURES) {
    if (head.length < magic.length) continue;
    if (magic.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}

/** The usual file extension of a detected type (for a display name that lost its own). */
export const EXTENSIONS: Record<AttachmentContentType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};
