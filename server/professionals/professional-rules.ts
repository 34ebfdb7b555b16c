// What a professional's record accepts, shared by the single-record mutations and the
// staff import (server/staff-imports): the same name, phone and join-date rules both ways.

/** Chinese characters, Latin letters, the middle dot and spaces: 1–50 characters. */
export const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z·•. ]{1,50}$/u;
export const NAME_RULE = '姓名只能包含汉字、字母和间隔号（1–50 个字符）';

/** A mainland mobile number. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_RULE = '手机号码应为 11 位大陆手机号';

/** A real YYYY-MM-DD date from 1950 on, at most a year ahead of `now`. */
export function isJoinDate(value: string, now: number = Date.now()): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getUTCFullYear() >= 1950 && d.getTime() <= now + 366 * 864e5;
}
