import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (docs/security.md): ID numbers and phone numbers are stored as AES-256-GCM ciphertext
 * with the id of the key that sealed them, and beside it an HMAC-SHA256 "blind index" for exact lookups.
 *
 * Stored form (one text column): `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts, 12-byte random IV,
 * 16-byte tag; the `v1:<keyId>` header is authenticated as additional data, so a value cannot be moved to
 * another key id unnoticed.
 *
 * Keys: `PII_KEY` = `id:base64key[,id:base64key...]`, 32-byte keys; the first is the current one (new values are
 * sealed with it), the others only decrypt older values (rotation). The blind-index key is derived (HKDF-SHA256)
 * from the LAST key of the list, the oldest: prepending a new current key leaves every index valid.
 */
export type PiiKind = 'phone' | 'id_number' | 'client_ip';

export interface PiiKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const VERSION = 'v1';

export class PiiKeyError extends Error {}

/** Parses `id:base64key[,id:base64key...]`; throws PiiKeyError saying what is wrong (never the key itself). */
export function parsePiiKeys(spec: string): PiiKey[] {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) throw new PiiKeyError('must list at least one key as id:base64key');
  const seen = new Set<string>();
  return parts.map((part) => {
    const i = part.indexOf(':');
    const id = i > 0 ? part.slice(0, i) : '';
    if (!KEY_ID.test(id))
      throw new PiiKeyError('each key must be id:base64key with an id of 1-16 letters, digits, _ or -');
    if (seen.has(id)) throw new PiiKeyError(`key id ${id} is listed twice`);
    seen.add(id);
    const key = Buffer.from(part.slice(i + 1), 'base64');
    if (key.length !== 32) throw new PiiKeyError(`key ${id} must be 32 bytes (base64), got ${key.length}`);
    return { id, key };
  });
}

/** A fresh key list with one random key, as the embedded default keeps it in .data/pii-key. */
export function generatePiiKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** The canonical form a value is indexed under: what a person would consider "the same number". */
export function normalisePii(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'phone':
      // ITU-T E.164: +86 / 0086 is China's country code; separators are not part of the number.
      return value.replace(/[\s-]/g, '').replace(/^(?:\+|00)86(?=1\d{10}$)/, '');
    case 'id_number':
      // GB 11643-1999: the check character X is one character; case and surrounding spaces carry no meaning.
      return value.replace(/\s/g, '').toUpperCase();
    case 'client_ip':
      // IPv6 hex digits are case-insensitive (RFC 5952 writes them lower-case).
      return value.trim().toLowerCase();
  }
}

const b64 = (b: Buffer) => b.toString('base64url');

/**
 * How many opened values a cipher keeps (a value of a hundred-odd characters and its plain text each: a few MB).
 * Lists show the same complaints to every viewer of a street page after page; opening each value again was a tenth
 * of the API's CPU on the street mediator's complaints list (issue 17, bench/README.md). A stored value is never
 * rewritten in place — a new seal has a new random IV — so a kept opening is always the right one. The plain texts
 * kept are no more exposed than the keys beside them in the same memory.
 */
const MAX_OPENED = 20_000;

export class PiiCipher {
  /** Stored value → plain text, the oldest dropped first (MAX_OPENED). */
  private readonly opened = new Map<string, string>();
  private readonly current: PiiKey;
  private readonly byId: Map<string, Buffer>;
  private readonly indexKeys: Record<PiiKind, Buffer>;

  constructor(keys: PiiKey[]) {
    if (!keys.length) throw new PiiKeyError('no PII key');
    this.current = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    const root = keys[keys.length - 1].key;
    const derive = (kind: PiiKind) =>
      Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), `lrp-pii-blind-index:${kind}`, 32));
    this.indexKeys = {
      phone: derive('phone'),
      id_number: derive('id_number'),
      client_ip: derive('client_ip'),
    };
  }

  static fromSpec(spec: string): PiiCipher {
    return new PiiCipher(parsePiiKeys(spec));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plain: string): string {
    const header = `${VERSION}:${this.current.id}`;
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.current.key, iv);
    c.setAAD(Buffer.from(header));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `${header}:${b64(iv)}:${b64(c.getAuthTag())}:${b64(ct)}`;
  }

  /** Throws PiiKeyError on an unknown key id, a malformed value, or any tampering (GCM tag mismatch). */
  decrypt(token: string): string {
    const kept = this.opened.get(token);
    if (kept !== undefined) return kept;
    const plain = this.open(token);
    if (this.opened.size >= MAX_OPENED) this.opened.delete(this.opened.keys().next().value!);
    this.opened.set(token, plain);
    return plain;
  }

  private open(token: string): string {
    const parts = token.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new PiiKeyError('not an encrypted PII value');
    const [version, keyId, iv, tag, ct] = parts;
    const key = this.byId.get(keyId);
    if (!key) throw new PiiKeyError(`no PII key with id ${keyId} (was it removed from PII_KEY?)`);
    const ivBuf = Buffer.from(iv, 'base64url');
    const tagBuf = Buffer.from(tag, 'base64url');
    if (ivBuf.length !== 12 || tagBuf.length !== 16) throw new PiiKeyError('not an encrypted PII value');
    try {
      const d = createDecipheriv('aes-256-gcm', key, ivBuf);
      d.setAAD(Buffer.from(`${version}:${keyId}`));
      d.setAuthTag(tagBuf);
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    } catch {
      throw new PiiKeyError('an encrypted PII value failed authentication');
    }
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain == null ? null : this.encrypt(plain);
  }

  decryptNullable(token: string | null | undefined): string | null {
    return token == null ? null : this.decrypt(token);
  }

  /** HMAC-SHA256 (hex) of the normalised value under the kind's derived key: equal values, equal index. */
  blindIndex(kind: PiiKind, value: string): string {
    return createHmac('sha256', this.indexKeys[kind]).update(normalisePii(kind, value), 'utf8').digest('hex');
  }

  blindIndexNullable(kind: PiiKind, value: string | null | undefined): string | null {
    return value == null ? null : this.blindIndex(kind, value);
  }
}
