// Chinese resident ID numbers (GB 11643-1999): 6-digit region code, 8-digit
// birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check
// character. Pure functions: "today" is a parameter so results are repeatable.

export type Gender = 'MALE' | 'FEMALE';

export type IdNumberErrorCode =
  | 'ID_NUMBER_REQUIRED'
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_REGION'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_CHECK_DIGIT';

export const ID_NUMBER_ERROR_MESSAGES: Record<IdNumberErrorCode, string> = {
  ID_NUMBER_REQUIRED: '请填写身份证号码',
  ID_NUMBER_LENGTH: '身份证号码应为18位',
  ID_NUMBER_FORMAT: '身份证号码格式错误：前17位应为数字，最后一位应为数字或X',
  ID_NUMBER_REGION: '身份证号码中的地区码无效',
  ID_NUMBER_BIRTH_DATE: '身份证号码中的出生日期无效',
  ID_NUMBER_CHECK_DIGIT: '身份证号码校验位错误',
};

export interface IdNumberInfo {
  /** Normalised: 18 characters, check character X in upper case. */
  value: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  regionCode: string;
}

export type IdNumberParseResult =
  | ({ ok: true } & IdNumberInfo)
  | { ok: false; code: IdNumberErrorCode; message: string };

/**
 * Province-level codes (GB/T 2260). 71 is Taiwan; 81, 82 and 83 appear only
 * as 810000 / 820000 / 830000 on residence permits for Hong Kong, Macao and
 * Taiwan residents.
 */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
];

const PERMIT_PROVINCES = new Set(['81', '82', '83']);
const PROVINCES = new Set(PROVINCE_CODES);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The check character for the first 17 digits. */
export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`computeCheckDigit expects 17 digits, got "${first17}"`);
  return checkCharacterForSum(weightedDigitSum(first17, 0));
}

/**
 * The MOD 11-2 weighted sum of `digits` placed at `position` (0-based) of
 * the first 17. Sums of the parts add up, so a bulk generator can
 * precompute them per region, date and sequence.
 */
export function weightedDigitSum(digits: string, position: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (WEIGHTS[position + i] ?? 0);
  return sum;
}

export function checkCharacterForSum(sum: number): string {
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Validates and decodes an ID number. Accepts surrounding or inner spaces,
 * full-width characters and a lower-case x. `today` decides whether a birth
 * date is in the future; a Date is read on the China calendar (UTC+8), a
 * string must be YYYY-MM-DD.
 */
export function parseIdNumber(raw: string, today: Date | string = new Date()): IdNumberParseResult {
  const value = normalizeIdNumber(raw ?? '');
  if (value.length === 0) return failure('ID_NUMBER_REQUIRED');
  if (value.length !== 18) return failure('ID_NUMBER_LENGTH');
  if (!/^\d{17}[\dX]$/.test(value)) return failure('ID_NUMBER_FORMAT');

  const regionCode = value.slice(0, 6);
  if (!isValidRegionCode(regionCode)) return failure('ID_NUMBER_REGION');

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidBirthDate(birthDate, toChinaDateString(today))) return failure('ID_NUMBER_BIRTH_DATE');

  if (computeCheckDigit(value.slice(0, 17)) !== value[17]) return failure('ID_NUMBER_CHECK_DIGIT');

  const gender: Gender = (value.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { ok: true, value, birthDate, gender, regionCode };
}

export function isValidIdNumber(raw: string, today: Date | string = new Date()): boolean {
  return parseIdNumber(raw, today).ok;
}

/** Upper case, ASCII, no whitespace; no validation. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** `370102199003071234` → `3701**********1234`; short inputs are fully hidden. */
export function maskIdNumber(value: string): string {
  const normalized = normalizeIdNumber(value);
  if (normalized.length < 8) return '*'.repeat(normalized.length);
  return `${normalized.slice(0, 4)}${'*'.repeat(normalized.length - 8)}${normalized.slice(-4)}`;
}

/**
 * `maskIdNumber` in SQL, for a column of normalised 18-character numbers (set-based writes
 * that keep a masked copy, such as audit rows made in the same statement): `expression` is
 * trusted SQL, never user input.
 */
export function maskedIdNumberSql(expression: string): string {
  return `overlay(${expression} placing '**********' from 5 for 10)`;
}

/**
 * Builds a number with its check character, for generators and tests:
 * `makeIdNumber('370102', '19900307', 123)`. The sequence decides the gender
 * (odd: male). Does not check that the region or date are real.
 */
export function makeIdNumber(region6: string, birthDate8: string, seq3: number | string): string {
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{6}$/.test(region6)) throw new Error(`region code must be 6 digits, got "${region6}"`);
  if (!/^\d{8}$/.test(birthDate8)) throw new Error(`birth date must be YYYYMMDD, got "${birthDate8}"`);
  if (!/^\d{3}$/.test(seq)) throw new Error(`sequence must be 3 digits, got "${seq3}"`);
  const first17 = region6 + birthDate8 + seq;
  return first17 + computeCheckDigit(first17);
}

function isValidRegionCode(code: string): boolean {
  const province = code.slice(0, 2);
  if (!PROVINCES.has(province)) return false;
  const provinceOnly = code.endsWith('0000');
  // Residence permits carry exactly the province code; nobody else does.
  return PERMIT_PROVINCES.has(province) ? provinceOnly : !provinceOnly;
}

function isValidBirthDate(isoDate: string, todayIso: string): boolean {
  const [year = NaN, month = NaN, day = NaN] = isoDate.split('-').map(Number);
  if (!(year >= EARLIEST_BIRTH_YEAR) || !(month >= 1)) return false;
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > daysInMonth(year, month)) return false;
  return isoDate <= todayIso;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toChinaDateString(today: Date | string): string {
  if (typeof today === 'string') return today;
  return new Date(today.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function failure(code: IdNumberErrorCode): IdNumberParseResult {
  return { ok: false, code, message: ID_NUMBER_ERROR_MESSAGES[code] };
}
