import fc from 'fast-check';
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from './pii';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

/** 18-character resident-ID-shaped strings: 17 digits and a check character (0-9 or X). */
const idNumber = fc.tuple(digits(17), fc.constantFrom(...'0123456789X')).map(([body, check]) => body + check);
/** 11-digit mainland mobile numbers. */
const phone = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([second, rest]) => `1${second}${rest}`);

/** The masked value reveals exactly the first 3 and last 4 characters and hides the rest. */
function expectKeepsOnlyEnds(original: string, masked: string | null): void {
  expect(masked).not.toBeNull();
  const m = masked as string;
  expect(m).toHaveLength(original.length);
  expect(m.slice(0, 3)).toBe(original.slice(0, 3));
  expect(m.slice(-4)).toBe(original.slice(-4));
  expect(m.slice(3, -4)).toMatch(/^\*+$/);
  expect(m.replace(/\*/g, '')).toHaveLength(7);
}

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });

  it('passes null and the empty string through', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });

  it('property: never reveals the 11 middle characters of an 18-character ID', () => {
    fc.assert(
      fc.property(idNumber, (id) => {
        const masked = maskIdNumber(id);
        expectKeepsOnlyEnds(id, masked);
        // The birth date (characters 7-14) is never visible as a block.
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
  });

  it('property: ids that differ only in the middle mask to the same value', () => {
    fc.assert(
      fc.property(idNumber, digits(11), (id, middle) => {
        const other = id.slice(0, 3) + middle + id.slice(-4);
        expect(maskIdNumber(other)).toBe(maskIdNumber(id));
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('passes null and the empty string through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('property: never reveals the 4 middle digits of an 11-digit mobile number', () => {
    fc.assert(
      fc.property(phone, (p) => {
        expectKeepsOnlyEnds(p, maskPhone(p));
      }),
    );
  });

  it('property: phones that differ only in the middle mask to the same value', () => {
    fc.assert(
      fc.property(phone, digits(4), (p, middle) => {
        expect(maskPhone(p.slice(0, 3) + middle + p.slice(-4))).toBe(maskPhone(p));
      }),
    );
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Wei')).toBe('L*****');
  });

  it('hides a one-character name completely', () => {
    expect(maskName('张')).toBe('*');
  });

  it('counts characters outside the BMP as one character', () => {
    // U+20BB7 is a surrogate pair in UTF-16; a naive slice would leave half of it.
    expect(maskName('\u{20BB7}田')).toBe('\u{20BB7}*');
    expect(maskName('李\u{20BB7}')).toBe('李*');
  });

  it('passes null and the empty string through', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName('')).toBe('');
  });

  it('property: reveals only the first character and keeps the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 2, maxLength: 20 }), (name) => {
        const chars = [...name];
        const masked = [...(maskName(name) as string)];
        expect(masked).toHaveLength(chars.length);
        expect(masked[0]).toBe(chars[0]);
        expect(masked.slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});

describe('maskPersonalDataInText', () => {
  it('masks the ID numbers and mobile numbers a party typed into free text, keeping the rest', () => {
    expect(maskPersonalDataInText('我叫赵四，电话13700001111，身份证310115199001011232，欠薪3个月')).toBe(
      '我叫赵四，电话137****1111，身份证310***********1232，欠薪3个月',
    );
    expect(maskPersonalDataInText('身份证号 11010519491231002x 手机+86 13912345678。')).toBe(
      '身份证号 110***********002x 手机+86 139****5678。',
    );
  });

  it('leaves other numbers alone: amounts, dates, landlines, longer digit runs (an account number)', () => {
    for (const text of [
      '欠薪125000元，2026年10月1日起',
      '座机021-58881234',
      '银行卡6222021234567890123',
      '工号12345678901234567890',
      '',
    ])
      expect(maskPersonalDataInText(text)).toBe(text);
  });

  it('property: no ID number or mobile number typed into any text survives, and the text keeps its length', () => {
    const filler = fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, 'a'));
    fc.assert(
      fc.property(filler, fc.oneof(idNumber, phone), filler, (before, secret, after) => {
        const masked = maskPersonalDataInText(`${before}${secret}${after}`);
        expect(masked).not.toContain(secret);
        expect(masked).toHaveLength(before.length + secret.length + after.length);
        expect(maskPersonalDataInText(masked)).toBe(masked);
      }),
    );
  });
});
