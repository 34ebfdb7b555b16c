// Data behind the synthetic people: the launch tenants' county-level region
// codes, surnames and given names with rough frequencies, mobile number
// segments, and the mix of title levels and series. No logic beyond lookups.
import type { Gender } from '../platform/id-number';
import type { TitleLevel, TitleSeries } from '../engine/titles';

export interface RegionCity {
  name: string;
  /** County-level codes with their names; a few retired codes stay because IDs keep them for life. */
  districts: Readonly<Record<string, string>>;
  codes: readonly string[];
}

// Number segments of the three carriers in use for personal phones.
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '196', '197', '198', '199',
];
export const MOBILE_SUFFIXES = 100_000_000;

// A rough picture of who holds a professional title in a prefecture.
export const TITLE_LEVEL_WEIGHTS: Record<TitleLevel, number> = {
  NONE: 8,
  JUNIOR: 7,
  ASSISTANT: 25,
  INTERMEDIATE: 36,
  DEPUTY_SENIOR: 19,
  SENIOR: 5,
};
export const TITLE_SERIES_WEIGHTS: Record<TitleSeries, number> = {
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
export const SURNAMES: readonly (readonly [string, number])[] = (
  '王725 李719 张680 刘540 陈460 杨310 黄220 赵210 吴200 周190 徐150 孙140 马130 朱120 胡120 ' +
  '郭110 何100 高100 林100 罗90 郑80 梁80 谢70 宋60 唐60 许60 韩60 冯50 邓50 曹50 彭50 曾50 ' +
  '肖50 田40 董40 袁40 潘40 于40 蒋40 蔡40 余40 杜40 叶40 程40 苏30 魏30 吕30 丁30 任30 沈30 ' +
  '姚30 卢30 姜30 崔30 钟30 谭30 陆30 汪30 范30 金30 石30 廖30 贾30 夏30 韦20 付20 方20 白20 ' +
  '邹20 孟20 熊20 秦20 邱20 江20 尹20 薛20 闫20 段20 雷20 侯20 龙20 史20 陶20 黎20 贺20 顾20 ' +
  '毛20 郝20 龚20 邵20 万20 钱20 严20 武20 戴20 孔20 颜10 庞10 牛10 鲁10 葛10 房10 褚10 公10'
)
  .split(' ')
  .map((entry) => [entry.charAt(0), Number(entry.slice(1))] as const);


// Given names: single characters, common whole two-character names, and
// halves that combine; the mix spans names given from the 1960s to 2000.
export const GIVEN_NAMES: Record<Gender, { single: string[]; double: string[]; first: string[]; second: string[] }> = {
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

function city(name: string, districts: Record<string, string>): RegionCity {
  return { name, districts, codes: Object.keys(districts) };
}

function words(list: string): string[] {
  return list.split(' ');
}
