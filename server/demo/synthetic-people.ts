// Deterministic synthetic professionals for demos, load tests and the bulk
// generator. `next(index)` is a pure function of (seed, index), so a run can
// be split across workers or resumed at any index and still match.
//
// Uniqueness is by construction: the index goes through a keyed permutation
// (a Feistel network with cycle walking) onto the slots (region, birth day,
// 3-digit sequence), so two indexes never share an ID number. Mobile numbers
// get the same treatment over (prefix, 8 digits).
//
// The names, regions and weights it draws from are in synthetic-people-data.ts.

import { Gender, checkCharacterForSum, makeIdNumber, parseIdNumber, weightedDigitSum } from '../platform/id-number';
import { TITLE_LEVELS, TITLE_SERIES, TitleLevel, TitleSeries } from '../engine/titles';
import {
  GIVEN_NAMES,
  MOBILE_PREFIXES,
  MOBILE_SUFFIXES,
  SURNAMES,
  TITLE_LEVEL_WEIGHTS,
  TITLE_SERIES_WEIGHTS,
} from './synthetic-people-data';

export {
  BINGTUAN_REGION_CODES,
  BINZHOU_REGION_CODES,
  JINING_REGION_CODES,
  LINYI_REGION_CODES,
  QINGDAO_REGION_CODES,
  REGION_CITIES,
  type RegionCity,
  type RegionCityKey,
} from './synthetic-people-data';

export interface SyntheticPerson {
  index: number;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  regionCode: string;
  mobile: string;
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
  /** Date the person joined their unit, YYYY-MM-DD. */
  joinedOn: string;
}

export interface PeopleGeneratorOptions {
  seed: number;
  /** 6-digit county-level codes; e.g. `REGION_CITIES.linyi.codes`. */
  regionCodes: readonly string[];
  /** The "today" of the generated data (YYYY-MM-DD); fixed so runs repeat. */
  asOf?: string;
}

export interface PeopleGenerator {
  /** How many distinct people this generator can produce. */
  readonly capacity: number;
  next(index: number): SyntheticPerson;
}

const FIRST_BIRTH_DAY = Date.UTC(1962, 0, 1);
const LAST_BIRTH_DAY = Date.UTC(2000, 11, 31);
const DAY_MS = 86_400_000;
const BIRTH_DAYS = (LAST_BIRTH_DAY - FIRST_BIRTH_DAY) / DAY_MS + 1;
const SEQUENCES = 1000;
const DEFAULT_AS_OF = '2025-12-31';
const MAX_DOMAIN = 2 ** 32;

// The ID number is assembled from parts whose check sums are computed once.
const compactBirthDates = buildDateTable(FIRST_BIRTH_DAY, LAST_BIRTH_DAY).map((date) => date.replace(/-/g, ''));
const birthDateSums = compactBirthDates.map((date) => weightedDigitSum(date, 6));
const sequenceDigits = Array.from({ length: SEQUENCES }, (_, seq) => String(seq).padStart(3, '0'));
const sequenceSums = sequenceDigits.map((seq) => weightedDigitSum(seq, 14));
const surnamePicker = weightedPicker(SURNAMES);
const levelPicker = weightedPicker(TITLE_LEVELS.map((l) => [l, TITLE_LEVEL_WEIGHTS[l]] as const));
const seriesPicker = weightedPicker(TITLE_SERIES.map((s) => [s, TITLE_SERIES_WEIGHTS[s]] as const));

export function createPeopleGenerator(options: PeopleGeneratorOptions): PeopleGenerator {
  const regionCodes = [...new Set(options.regionCodes)];
  if (regionCodes.length === 0) throw new Error('createPeopleGenerator: regionCodes is empty');
  for (const code of regionCodes) {
    if (!/^\d{6}$/.test(code) || !parseIdNumber(makeIdNumber(code, '19800101', 1), '2000-01-01').ok) {
      throw new Error(`createPeopleGenerator: invalid region code "${code}"`);
    }
  }
  const regionSums = regionCodes.map((code) => weightedDigitSum(code, 0));
  const mobileCapacity = MOBILE_PREFIXES.length * MOBILE_SUFFIXES;
  const idCapacity = regionCodes.length * BIRTH_DAYS * SEQUENCES;
  if (idCapacity > MAX_DOMAIN) throw new Error('createPeopleGenerator: too many region codes');
  const capacity = Math.min(idCapacity, mobileCapacity);

  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`);
  if (Number.isNaN(asOfDay) || asOfDay < LAST_BIRTH_DAY + 18 * 365 * DAY_MS) {
    throw new Error(`createPeopleGenerator: asOf must be a date after 2018, got "${asOf}"`);
  }
  const asOfYear = Number(asOf.slice(0, 4));

  // One table of ISO dates from the first birthday to asOf keeps toISOString out of the loop.
  const dates = buildDateTable(FIRST_BIRTH_DAY, asOfDay);
  const seed = options.seed >>> 0;
  const idSlots = feistelPermutation(idCapacity, hash32(seed ^ 0x1d5a7c3b));
  const mobileSlots = feistelPermutation(mobileCapacity, hash32(seed ^ 0x6b43a9f1));

  return {
    capacity,
    next(index: number): SyntheticPerson {
      if (!Number.isInteger(index) || index < 0 || index >= capacity) {
        throw new RangeError(`index ${index} is outside 0..${capacity - 1}`);
      }
      const slot = idSlots(index);
      const region = slot % regionCodes.length;
      const regionCode = regionCodes[region]!;
      const rest = Math.floor(slot / regionCodes.length);
      const birthDay = rest % BIRTH_DAYS;
      const sequence = Math.floor(rest / BIRTH_DAYS);
      const gender: Gender = sequence % 2 === 1 ? 'MALE' : 'FEMALE';
      const birthDate = dates[birthDay]!;
      const idNumber =
        regionCode +
        compactBirthDates[birthDay]! +
        sequenceDigits[sequence]! +
        checkCharacterForSum(regionSums[region]! + birthDateSums[birthDay]! + sequenceSums[sequence]!);

      const random = mulberry32(hash32(seed + Math.imul(index, 0x9e3779b9)));
      const age = asOfYear - Number(birthDate.slice(0, 4));

      return {
        index,
        name: pickName(random, gender),
        gender,
        birthDate,
        idNumber,
        regionCode,
        mobile: toMobile(mobileSlots(index)),
        titleLevel: capLevelByAge(levelPicker(random()), age),
        titleSeries: seriesPicker(random()),
        joinedOn: dates[pickJoinedDay(random, birthDay, dates.length - 1)]!,
      };
    },
  };
}

/** mulberry32: a small, fast 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickName(random: () => number, gender: Gender): string {
  const names = GIVEN_NAMES[gender];
  const surname = surnamePicker(random());
  const roll = random();
  if (roll < 0.3) return surname + choose(random, names.single);
  if (roll < 0.55) return surname + choose(random, names.double);
  const first = choose(random, names.first);
  let second = choose(random, names.second);
  if (second === first) second = choose(random, names.second);
  return surname + first + second;
}

// Nobody is a senior engineer at 24: the age caps the level drawn.
function capLevelByAge(level: TitleLevel, age: number): TitleLevel {
  const maxRank = age < 25 ? 2 : age < 30 ? 3 : age < 35 ? 4 : 5;
  return TITLE_LEVELS[Math.min(TITLE_LEVELS.indexOf(level), maxRank)]!;
}

// Joined between graduation (about 21) and asOf, with more recent moves likelier.
// Days count from FIRST_BIRTH_DAY.
function pickJoinedDay(random: () => number, birthDay: number, asOfDay: number): number {
  const earliest = Math.min(birthDay + Math.round(21 * 365.25), asOfDay);
  return earliest + Math.floor(Math.sqrt(random()) * (asOfDay - earliest + 1));
}

function toMobile(slot: number): string {
  const prefix = MOBILE_PREFIXES[Math.floor(slot / MOBILE_SUFFIXES)]!;
  return prefix + String(slot % MOBILE_SUFFIXES).padStart(8, '0');
}

function choose<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (u: number) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const thresholds: number[] = [];
  let running = 0;
  for (const [, weight] of entries) thresholds.push((running += weight) / total);
  return (u) => {
    for (let i = 0; i < thresholds.length; i++) if (u < thresholds[i]!) return entries[i]![0];
    return entries[entries.length - 1]![0];
  };
}

function buildDateTable(fromMs: number, toMs: number): string[] {
  const table: string[] = [];
  for (let ms = fromMs; ms <= toMs; ms += DAY_MS) table.push(new Date(ms).toISOString().slice(0, 10));
  return table;
}

/**
 * A keyed bijection on 0..size-1 (size ≤ 2^32): a 4-round balanced Feistel
 * network over the next even power of two, walking the cycle until the
 * value falls back inside the range.
 */
function feistelPermutation(size: number, key: number): (value: number) => number {
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const halfBits = bits / 2;
  const halfMask = 2 ** halfBits - 1;
  const halfSize = 2 ** halfBits;
  const keys = [hash32(key + 1), hash32(key + 2), hash32(key + 3), hash32(key + 4)];
  const encrypt = (value: number): number => {
    let left = Math.floor(value / halfSize);
    let right = value % halfSize;
    for (const roundKey of keys) {
      const next = (left ^ (hash32(right ^ roundKey) & halfMask)) >>> 0;
      left = right;
      right = next;
    }
    return left * halfSize + right;
  };
  return (value) => {
    let result = encrypt(value);
    while (result >= size) result = encrypt(result);
    return result;
  };
}

/** A 32-bit integer mixer (murmur3's finaliser). */
function hash32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}