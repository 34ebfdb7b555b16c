// Deterministic synthetic professionals for demos, load tests and the bulk
// generator. `next(index)` is a pure function of (seed, index), so a run can
// be split across workers or resumed at any index and still match.
//
// Uniqueness is by construction: the index goes through a keyed permutation
// (a Feistel network with cycle walking) onto the slots (region, birth day,
// 3-digit sequence), so two indexes never share an ID number. Mobile numbers
// get the same treatment over (prefix, 8 digits).

import { Gender, checkCharacterForSum, makeIdNumber, parseIdNumber, weightedDigitSum } from './id-number';
import { TITLE_LEVELS, TITLE_SERIES, TitleLevel, TitleSeries } from './titles';

export interface RegionCity {
  name: string;
  /** County-level codes with their names; a few retired codes stay because IDs keep them for life. */
  districts: Readonly<Record<string, string>>;
  codes: readonly string[];
}

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

// Number segments of the three carriers in use for personal phones.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '196', '197', '198', '199',
];
const MOBILE_SUFFIXES = 100_000_000;

// A rough picture of who holds a professional title in a prefecture.
const TITLE_LEVEL_WEIGHTS: Record<TitleLevel, number> = {
  NONE: 8,
  JUNIOR: 7,
  ASSISTANT: 25,
  INTERMEDIATE: 36,
  DEPUTY_SENIOR: 19,
  SENIOR: 5,
};
const TITLE_SERIES_WEIGHTS: Record<TitleSeries, number> = {
  ENGINEERING: 22,
  HEALTH: 21,
  SCHOOL_TEACHING: 27,
  HIGHER_EDUCATION: 3,
  ACCOUNTING: 7,
  ECONOMICS: 5,
  AGRICULTURE: 5,
  STATISTICS: 1,
  AUDITING: 1,
  LAW: 1,
  JOURNALISM: 1,
  ARTS: 2,
  SOCIAL_WORK: 2,
  OTHER: 2,
};

export const REGION_CITIES = {
  linyi: city('临沂市', {
    '371302': '兰山区', '371311': '罗庄区', '371312': '河东区', '371321': '沂南县',
    '371322': '郯城县', '371323': '沂水县', '371324': '兰陵县', '371325': '费县',
    '371326': '平邑县', '371327': '莒南县', '371328': '蒙阴县', '371329': '临沭县',
  }),
  qingdao: city('青岛市', {
    '370202': '市南区', '370203': '市北区', '370205': '四方区', '370211': '黄岛区',
    '370212': '崂山区', '370213': '李沧区', '370214': '城阳区', '370215': '即墨区',
    '370281': '胶州市', '370282': '即墨市', '370283': '平度市', '370284': '胶南市',
    '370285': '莱西市',
  }),
  jining: city('济宁市', {
    '370802': '市中区', '370811': '任城区', '370812': '兖州区', '370826': '微山县',
    '370827': '鱼台县', '370828': '金乡县', '370829': '嘉祥县', '370830': '汶上县',
    '370831': '泗水县', '370832': '梁山县', '370881': '曲阜市', '370882': '兖州市',
    '370883': '邹城市',
  }),
  binzhou: city('滨州市', {
    '371602': '滨城区', '371603': '沾化区', '371621': '惠民县', '371622': '阳信县',
    '371623': '无棣县', '371624': '沾化县', '371625': '博兴县', '371626': '邹平县',
    '371681': '邹平市',
  }),
  bingtuan: city('新疆生产建设兵团', {
    '659001': '石河子市', '659002': '阿拉尔市', '659003': '图木舒克市', '659004': '五家渠市',
    '659005': '北屯市', '659006': '铁门关市', '659007': '双河市', '659008': '可克达拉市',
    '659009': '昆玉市', '659010': '胡杨河市', '659011': '新星市', '659012': '白杨市',
    '654002': '伊宁市', '654003': '奎屯市', '654004': '霍尔果斯市', '652301': '昌吉市',
  }),
} satisfies Record<string, RegionCity>;

export type RegionCityKey = keyof typeof REGION_CITIES;
export const LINYI_REGION_CODES = REGION_CITIES.linyi.codes;
export const QINGDAO_REGION_CODES = REGION_CITIES.qingdao.codes;
export const JINING_REGION_CODES = REGION_CITIES.jining.codes;
export const BINZHOU_REGION_CODES = REGION_CITIES.binzhou.codes;
export const BINGTUAN_REGION_CODES = REGION_CITIES.bingtuan.codes;

// Surnames with rough national frequencies (per ten thousand people).
const SURNAMES: readonly (readonly [string, number])[] = (
  '王725 李719 张680 刘540 陈460 杨310 黄220 赵210 吴200 周190 徐150 孙140 马130 朱120 胡120 ' +
  '郭110 何100 高100 林100 罗90 郑80 梁80 谢70 宋60 唐60 许60 韩60 冯50 邓50 曹50 彭50 曾50 ' +
  '肖50 田40 董40 袁40 潘40 于40 蒋40 蔡40 余40 杜40 叶40 程40 苏30 魏30 吕30 丁30 任30 沈30 ' +
  '姚30 卢30 姜30 崔30 钟30 谭30 陆30 汪30 范30 金30 石30 廖30 贾30 夏30 韦20 付20 方20 白20 ' +
  '邹20 孟20 熊20 秦20 邱20 江20 尹20 薛20 闫20 段20 雷20 侯20 龙20 史20 陶20 黎20 贺20 顾20 ' +
  '毛20 郝20 龚20 邵20 万20 钱20 严20 武20 戴20 孔20 颜10 庞10 牛10 鲁10 葛10 房10 褚10 公10'
)
  .split(' ')
  .map((entry) => [entry[0], Number(entry.slice(1))] as const);

// Given names: single characters, common whole two-character names, and
// halves that combine; the mix spans names given from the 1960s to 2000.
const GIVEN_NAMES: Record<Gender, { single: string[]; double: string[]; first: string[]; second: string[] }> = {
  MALE: {
    single: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁健亮俊峰建国东海林晨浩宇博文凯阳龙旭成振兵彬毅'],
    double: words('建国 建华 建军 志强 志刚 海涛 晓东 国强 文博 浩然 俊杰 子豪 明辉 永刚 振华 立新 红军 春雷 宏伟 家豪 鹏飞 卫东 庆华 德明 学军 晓明 天宇 嘉豪 宇航 志勇'),
    first: [...'志建国文明海晓永俊浩子宏立春振家德学天晨宇嘉金庆树广长新传'],
    second: [...'强刚华伟涛东军平辉杰峰博然轩鹏飞成龙林宇明波亮磊民生清山彬'],
  },
  FEMALE: {
    single: [...'芳娜敏静丽艳娟霞燕玲婷雪慧红梅琳莉颖倩洁丹萍晶欣佳悦雯璐岩琴蕾'],
    double: words('秀英 桂英 玉兰 丽娟 海燕 晓燕 红梅 雪梅 丽华 春梅 美玲 静怡 欣怡 雨涵 思雨 佳怡 婷婷 晓静 文静 淑珍 秀兰 凤英 玉梅 晓丽 丽丽 亚楠 梦瑶 诗雨 雅琪 欣然'),
    first: [...'秀桂玉丽海晓红雪春美静欣雨思佳婷文淑慧丹艳梦雅诗凤亚金冬'],
    second: [...'英兰娟燕梅华玲怡涵婷静珍敏丽芳洁琳琪萱颖霞红彤楠悦云娜莉'],
  },
};

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
      const regionCode = regionCodes[region];
      const rest = Math.floor(slot / regionCodes.length);
      const birthDay = rest % BIRTH_DAYS;
      const sequence = Math.floor(rest / BIRTH_DAYS);
      const gender: Gender = sequence % 2 === 1 ? 'MALE' : 'FEMALE';
      const birthDate = dates[birthDay];
      const idNumber =
        regionCode +
        compactBirthDates[birthDay] +
        sequenceDigits[sequence] +
        checkCharacterForSum(regionSums[region] + birthDateSums[birthDay] + sequenceSums[sequence]);

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
        joinedOn: dates[pickJoinedDay(random, birthDay, dates.length - 1)],
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
  return TITLE_LEVELS[Math.min(TITLE_LEVELS.indexOf(level), maxRank)];
}

// Joined between graduation (about 21) and asOf, with more recent moves likelier.
// Days count from FIRST_BIRTH_DAY.
function pickJoinedDay(random: () => number, birthDay: number, asOfDay: number): number {
  const earliest = Math.min(birthDay + Math.round(21 * 365.25), asOfDay);
  return earliest + Math.floor(Math.sqrt(random()) * (asOfDay - earliest + 1));
}

function city(name: string, districts: Record<string, string>): RegionCity {
  return { name, districts, codes: Object.keys(districts) };
}

function words(list: string): string[] {
  return list.split(' ');
}

function toMobile(slot: number): string {
  const prefix = MOBILE_PREFIXES[Math.floor(slot / MOBILE_SUFFIXES)];
  return prefix + String(slot % MOBILE_SUFFIXES).padStart(8, '0');
}

function choose<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (u: number) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const thresholds: number[] = [];
  let running = 0;
  for (const [, weight] of entries) thresholds.push((running += weight) / total);
  return (u) => {
    for (let i = 0; i < thresholds.length; i++) if (u < thresholds[i]) return entries[i][0];
    return entries[entries.length - 1][0];
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
