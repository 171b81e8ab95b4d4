import fc from 'fast-check';
import { generatePiiKeySpec, normalisePii, parsePiiKeys, PiiCipher, PiiKeyError } from './pii-crypto';

const K1 = generatePiiKeySpec('k1');
const K2 = generatePiiKeySpec('k2');

describe('PiiCipher', () => {
  const cipher = PiiCipher.fromSpec(K1);

  it('round-trips any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => cipher.decrypt(cipher.encrypt(s)) === s));
  });

  it('uses a fresh IV each time: the same value never encrypts to the same string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const a = cipher.encrypt(s);
        const b = cipher.encrypt(s);
        return a !== b && a.split(':')[2] !== b.split(':')[2];
      }),
    );
  });

  it('stores the version and key id with each value, and no plaintext', () => {
    const token = cipher.encrypt('13800138000');
    expect(token).toMatch(/^v1:k1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(token).not.toContain('13800138000');
  });

  it('refuses any tampered value (one flipped bit anywhere in IV, tag or ciphertext)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 2, max: 4 }),
        fc.nat(),
        fc.nat(7),
        (s, part, n, bit) => {
          const parts = cipher.encrypt(s).split(':');
          const bytes = Buffer.from(parts[part], 'base64url');
          bytes[n % bytes.length] ^= 1 << bit;
          parts[part] = bytes.toString('base64url');
          expect(() => cipher.decrypt(parts.join(':'))).toThrow(PiiKeyError);
        },
      ),
    );
  });

  it('refuses a value moved to another key id (the header is authenticated)', () => {
    const both = PiiCipher.fromSpec(`${K2},${K1}`);
    const token = both.encrypt('110101199003074512').replace(/^v1:k2:/, 'v1:k1:');
    expect(() => both.decrypt(token)).toThrow(PiiKeyError);
  });

  it('rotation: a new current key decrypts values of the older key, and new values use the new key', () => {
    const old = PiiCipher.fromSpec(K1);
    const rotated = PiiCipher.fromSpec(`${K2},${K1}`);
    const sealed = old.encrypt('13800138000');
    expect(rotated.decrypt(sealed)).toBe('13800138000');
    expect(rotated.encrypt('x').startsWith('v1:k2:')).toBe(true);
    expect(() => old.decrypt(rotated.encrypt('x'))).toThrow(/no PII key with id k2/);
  });

  it('rotation keeps blind indexes: they are derived from the last (oldest) key', () => {
    const old = PiiCipher.fromSpec(K1);
    const rotated = PiiCipher.fromSpec(`${K2},${K1}`);
    expect(rotated.blindIndex('phone', '13800138000')).toBe(old.blindIndex('phone', '13800138000'));
    expect(PiiCipher.fromSpec(K2).blindIndex('phone', '13800138000')).not.toBe(
      old.blindIndex('phone', '13800138000'),
    );
  });

  it('blind index: stable, 64 hex characters, different per kind and per value', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ia = cipher.blindIndex('phone', a);
        expect(ia).toMatch(/^[0-9a-f]{64}$/);
        expect(cipher.blindIndex('phone', a)).toBe(ia);
        if (normalisePii('phone', a) !== normalisePii('phone', b))
          expect(cipher.blindIndex('phone', b)).not.toBe(ia);
        return true;
      }),
    );
    expect(cipher.blindIndex('phone', '110')).not.toBe(cipher.blindIndex('id_number', '110'));
  });

  it('blind index: normalised (spaces, +86, lower-case x)', () => {
    const phone = cipher.blindIndex('phone', '13800138000');
    expect(cipher.blindIndex('phone', '+86 138-0013-8000')).toBe(phone);
    expect(cipher.blindIndex('phone', '0086 13800138000')).toBe(phone);
    expect(cipher.blindIndex('id_number', ' 11010119900307451x ')).toBe(
      cipher.blindIndex('id_number', '11010119900307451X'),
    );
  });

  it('opens a value again from memory, the same plain text, and only an authentic value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat()),
        (plains, order) => {
          const c = PiiCipher.fromSpec(K1);
          const tokens = plains.map((p) => c.encrypt(p));
          // Each value opened several times in any order: kept or not, it is its own plain text.
          return [...order, ...tokens.keys()].every(
            (i) => c.decrypt(tokens[i % tokens.length]) === plains[i % tokens.length],
          );
        },
      ),
    );
    const token = cipher.encrypt('310115199001011234');
    expect(cipher.decrypt(token)).toBe('310115199001011234');
    const parts = token.split(':');
    parts[4] = parts[4].startsWith('A') ? `B${parts[4].slice(1)}` : `A${parts[4].slice(1)}`;
    expect(() => cipher.decrypt(parts.join(':'))).toThrow(PiiKeyError);
  });

  it('keeps a bounded number of openings: past it, every value still opens', () => {
    const c = PiiCipher.fromSpec(K1);
    const tokens = Array.from({ length: 20_050 }, (_, i) => c.encrypt(String(i)));
    tokens.forEach((t, i) => expect(c.decrypt(t)).toBe(String(i)));
    expect((c as unknown as { opened: Map<string, string> }).opened.size).toBe(20_000);
    expect(c.decrypt(tokens[0])).toBe('0');
  });

  it('null passes through the nullable helpers', () => {
    expect(cipher.encryptNullable(null)).toBeNull();
    expect(cipher.decryptNullable(null)).toBeNull();
    expect(cipher.blindIndexNullable('phone', undefined)).toBeNull();
  });
});

describe('parsePiiKeys', () => {
  it('accepts one or several id:base64key entries, first = current', () => {
    expect(parsePiiKeys(`${K2}, ${K1}`).map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it.each([
    ['', /at least one key/],
    ['k1', /id:base64key/],
    [':AAAA', /id:base64key/],
    ['k1:AAAA', /32 bytes/],
    [`${K1},${K1}`, /listed twice/],
  ])('refuses %j', (spec, message) => {
    expect(() => parsePiiKeys(spec)).toThrow(message);
  });

  it('never repeats the key in its error message', () => {
    const short = 'k1:' + Buffer.alloc(16, 7).toString('base64');
    expect(() => parsePiiKeys(short)).toThrow(PiiKeyError);
    try {
      parsePiiKeys(short);
    } catch (e) {
      expect((e as Error).message).not.toContain(short.slice(3));
    }
  });
});
