import { USCC_ALPHABET, usccCheckChar } from '../../src/common/validation/uscc';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import type { Rng } from './rng';

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number): string => HEX2[(n >>> 8) & 0xff] + HEX2[n & 0xff];
const hex8 = (n: number): string => hex4(n >>> 16) + hex4(n & 0xffff);

/**
 * A UUIDv7-shaped id (RFC 9562: 48-bit Unix milliseconds, version 7, variant 10) whose random bits come from the
 * seeded generator, so ids are deterministic and, like the app's own ids, time-ordered.
 */
export function uuidV7(ms: number, rng: Rng): string {
  const t = Math.max(0, Math.floor(ms));
  const hi = Math.floor(t / 2 ** 16); // top 32 bits of the 48-bit timestamp
  const lo = t % 2 ** 16;
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  return `${hex8(hi)}-${hex4(lo)}-${hex4(0x7000 | (a & 0x0fff))}-${hex4(0x8000 | ((a >>> 16) & 0x3fff))}-${hex8(b)}${hex4(c & 0xffff)}`;
}

/**
 * A Unified Social Credit Code (GB 32100-2015) with a correct check character: authority 9 (工商) and category 1
 * (企业), the 6-digit division code of the employer's district, a 9-character subject identifier and the check.
 * The subject identifier is derived from `serial` (unique per data set), so codes never collide.
 */
export function syntheticUscc(districtCode: string, serial: number, rng: Rng): string {
  // 9 characters: 2 random letters/digits + 7 base-31 digits of the serial (31^7 ≈ 27.5 billion).
  let subject = '';
  let n = serial;
  for (let i = 0; i < 7; i++) {
    subject = USCC_ALPHABET[n % 31] + subject;
    n = Math.floor(n / 31);
  }
  subject = USCC_ALPHABET[rng.int(0, 30)] + 'A' + subject; // 'A': our synthetic marker in position 10
  const first17 = `91${districtCode}${subject}`;
  return first17 + usccCheckChar(first17);
}

/** An 18-digit resident ID number (GB 11643) with a correct check character; region = a district code. */
export function syntheticIdNumber(districtCode: string, birth: string, rng: Rng): string {
  const first17 = `${districtCode}${birth.replace(/-/g, '')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * A mainland mobile number in the 19x range (allocated to carriers; 199/198 in use), never a real person's known
 * number: numbers come from the seeded generator and carry no identity.
 */
export function syntheticPhone(rng: Rng): string {
  return `19${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉鹏飞海燕雪梅晨阳宇浩然';

/** A plausible two- or three-character name (synthetic). */
export function syntheticPersonName(rng: Rng): string {
  const s = rng.pick([...SURNAMES]);
  const n = rng.chance(0.7) ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += rng.pick([...GIVEN]);
  return s + g;
}

const TRADE_WORDS = '宏盛鑫源华泰恒通瑞丰嘉禾中天金达新航永信兴隆博远联创德润安平汇通荣昌锦程正元东方星辰';
/** Business description by GB/T 4754 门类 letter (used in the employer's name). */
export const INDUSTRY_NAME_SUFFIX: Readonly<Record<string, string>> = {
  C: '制造',
  E: '建筑工程',
  F: '商贸',
  G: '物流',
  H: '餐饮管理',
  I: '信息技术',
  K: '物业管理',
  L: '人力资源',
  M: '科技',
  O: '家政服务',
};

/** A readable company name (not unique: every synthetic employer has a USCC, the register's key). */
export function syntheticEmployerName(cityName: string, industry: string, rng: Rng): string {
  const w = [...TRADE_WORDS];
  return `${cityName}${rng.pick(w)}${rng.pick(w)}${INDUSTRY_NAME_SUFFIX[industry] ?? '实业'}有限公司`;
}
