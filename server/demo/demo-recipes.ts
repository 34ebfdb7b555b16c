// What a demo person did in a year, per tenant: a complete year, a short one
// (with a clear shortfall) and, where the tenant's policy has such a case, an
// exempt one. Kinds and parameters follow tenants/<code>.yaml; the planner
// (demo-activities.ts) validates every activity against the policy.
import type { ParamValue } from '../engine';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import type { Gender } from '../platform/id-number';
import type { RegionCityKey } from './synthetic-people';

export type DemoOutcome = 'COMPLETE' | 'SHORT' | 'EXEMPT';

/** Who recorded it: the unit or bureau (OFFICIAL), a training provider, or the online platform. */
export type ActivitySource = 'OFFICIAL' | 'PROVIDER' | 'PLATFORM';

export interface PlannedActivity {
  kind: string;
  /** YYYY-MM-DD, inside the year. */
  date: string;
  params: Record<string, ParamValue>;
  source: ActivitySource;
}

export interface DemoProfile {
  /** Position of the person in the tenant's seed (0, 1, 2, …). */
  key: number;
  gender: Gender;
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
}

export interface RecipeContext {
  person: DemoProfile;
  year: number;
  /** Deterministic, per person and year. */
  random(): number;
  pick<T>(items: readonly T[]): T;
  /** A day of the year (between Jan 6 and Dec 20), spread by random(). */
  date(): string;
  /** The day `days` before a date (may fall in the previous year). */
  daysBefore(date: string, days: number): string;
}

export interface TenantRecipe {
  complete(ctx: RecipeContext): PlannedActivity[];
  short(ctx: RecipeContext): PlannedActivity[];
  /** The tenant's exemption for this person and year; null when its policy has none that fits. */
  exempt(ctx: RecipeContext): PlannedActivity[] | null;
}

const act = (ctx: RecipeContext, kind: string, params: Record<string, ParamValue>, source: ActivitySource = 'OFFICIAL'): PlannedActivity => ({
  kind,
  date: ctx.date(),
  params,
  source,
});

// Paper and project titles by series; a person's title changes every year (the
// "counts once" rules key on the title).
const TOPICS: Partial<Record<TitleSeries, string[]>> = {
  HEALTH: ['基层医院慢性病随访管理实践', '围手术期护理质量改进研究', '县域医共体分级诊疗路径探讨', '抗菌药物合理使用干预效果分析', '院感防控精细化管理实践'],
  SCHOOL_TEACHING: ['初中数学分层作业设计研究', '大单元教学在语文课堂中的应用', '双减背景下课后服务实践', '信息技术与学科教学融合探索', '班主任心理健康教育案例研究'],
  ENGINEERING: ['城市道路排水管网改造技术', '装配式建筑施工质量控制', '港口码头结构耐久性评估', '小型水库除险加固设计要点', 'BIM在市政工程中的应用'],
  AGRICULTURE: ['盐碱地小麦节水高产栽培技术', '设施蔬菜病虫害绿色防控', '棉花水肥一体化技术推广', '玉米大豆带状复合种植实践', '耕地质量提升技术示范'],
  ACCOUNTING: ['行政事业单位内部控制建设', '政府会计制度下的成本核算', '预算绩效管理实务探讨', '财政资金支付风险防控', '国库集中支付改革实践'],
};
const GENERIC_TOPICS = ['专业技术服务基层实践', '行业新技术应用探讨', '岗位技能提升路径研究', '业务流程优化实践', '新标准实施要点解读'];

function topic(ctx: RecipeContext): string {
  const list = TOPICS[ctx.person.titleSeries] ?? GENERIC_TOPICS;
  return list[(ctx.person.key + ctx.year) % list.length]!;
}

const NEXT_LEVEL: Partial<Record<TitleLevel, TitleLevel>> = {
  NONE: 'ASSISTANT',
  JUNIOR: 'ASSISTANT',
  ASSISTANT: 'INTERMEDIATE',
  INTERMEDIATE: 'DEPUTY_SENIOR',
  DEPUTY_SENIOR: 'SENIOR',
};

const linyi: TenantRecipe = {
  complete(ctx) {
    const out = [
      act(ctx, 'publicCourse', { certificateNo: `LYGX${ctx.year}${String(ctx.person.key + 1).padStart(4, '0')}` }, 'PROVIDER'),
      act(ctx, 'publicProfessionalCourse', { hours: ctx.pick([24, 30, 36]) }, 'PROVIDER'),
      act(ctx, 'specialTraining', { hours: ctx.pick([36, 40, 48]) }, 'PROVIDER'),
    ];
    if (ctx.random() < 0.3) out.push(act(ctx, 'dengtaOnline', { allPassed: true }));
    if (ctx.random() < 0.2) out.push(act(ctx, 'annexConversion', { category: ctx.pick(['paper', 'result', 'study']), hours: ctx.pick([6, 10]) }));
    return out;
  },
  short(ctx) {
    // public: only the party-education 8 hours; or professional: 36 of 60
    if (ctx.random() < 0.5) {
      return [
        act(ctx, 'dengtaOnline', { allPassed: true }),
        act(ctx, 'publicProfessionalCourse', { hours: 30 }, 'PROVIDER'),
        act(ctx, 'specialTraining', { hours: 36 }, 'PROVIDER'),
      ];
    }
    return [
      act(ctx, 'publicCourse', {}, 'PROVIDER'),
      act(ctx, 'specialTraining', { hours: 24 }, 'PROVIDER'),
      act(ctx, 'publicProfessionalCourse', { hours: 12 }, 'PROVIDER'),
    ];
  },
  exempt: () => null,
};

const qingdao: TenantRecipe = {
  complete(ctx) {
    const days = ctx.pick([5, 6]);
    const meeting = ctx.pick([2, 3]);
    const publicHours = ctx.random() < 0.7 ? [30] : [18, 12];
    const third = ctx.pick([
      () => act(ctx, 'paper', { category: 'paper', title: topic(ctx) }),
      () => act(ctx, 'studyTour', { title: `${topic(ctx)}业务进修` }, 'PROVIDER'),
      () => act(ctx, 'expertService', { title: '专家服务基层活动', hours: 8, days: 1 }),
    ]);
    return [
      ...publicHours.map((hours) => act(ctx, 'publicCourse', { hours }, 'PLATFORM')),
      act(ctx, 'jobTraining', { category: ctx.pick(['job', 'urgentTalent', 'advancedSeminar']), hours: days * 8, days }, 'PROVIDER'),
      act(ctx, 'academicActivity', { category: ctx.pick(['conference', 'lecture', 'demonstration']), hours: meeting * 8, days: meeting }),
      third(),
    ];
  },
  short(ctx) {
    return [
      act(ctx, 'publicCourse', { hours: 20 }, 'PLATFORM'),
      act(ctx, 'jobTraining', { category: 'job', hours: 24, days: 3 }, 'PROVIDER'),
      act(ctx, 'academicActivity', { category: 'lecture', hours: 8, days: 1 }),
    ];
  },
  exempt(ctx) {
    // the front line of the epidemic (health staff, up to 2022); otherwise a year-long aid posting
    if (ctx.person.titleSeries === 'HEALTH' && ctx.year <= 2022) {
      return [act(ctx, 'covidFrontline', { proof: '青岛市卫生健康委员会新冠肺炎疫情防控一线人员名单' })];
    }
    return [{ ...act(ctx, 'aidPosting', { months: 12 }), date: `${ctx.year}-01-01` }];
  },
};

const jining: TenantRecipe = {
  complete(ctx) {
    const start = ctx.date();
    const out = [
      act(ctx, 'publicCompulsory', { series: 'xiThought', hours: 8 }, 'PLATFORM'),
      act(ctx, 'publicCompulsory', { series: 'eightStrategies', hours: 6 }, 'PLATFORM'),
      act(ctx, 'publicCompulsory', { series: 'ethics', hours: 6 }, 'PLATFORM'),
      act(ctx, 'publicElective', { hours: ctx.pick([10, 12, 16]) }, 'PLATFORM'),
      act(ctx, 'professionalCourse', { hours: ctx.pick([36, 40, 48]) }, 'PLATFORM'),
      {
        kind: 'unitTraining',
        date: start,
        params: { projectName: `${topic(ctx)}专题培训班`, filedDate: ctx.daysBefore(start, 14), startDate: start, hours: ctx.pick([24, 30]) },
        source: 'PROVIDER' as const,
      },
    ];
    if (ctx.random() < 0.2) out.push(act(ctx, 'contest', { contestName: '济宁市职工职业技能大赛', level: 'city' }));
    return out;
  },
  short(ctx) {
    if (ctx.random() < 0.5) {
      // one compulsory series missing and too few electives: public 20 of 30
      return [
        act(ctx, 'publicCompulsory', { series: 'xiThought', hours: 8 }, 'PLATFORM'),
        act(ctx, 'publicCompulsory', { series: 'ethics', hours: 6 }, 'PLATFORM'),
        act(ctx, 'publicElective', { hours: 6 }, 'PLATFORM'),
        act(ctx, 'professionalCourse', { hours: 64 }, 'PLATFORM'),
      ];
    }
    // the unit's training was filed two days before it started: it earns nothing
    const start = ctx.date();
    return [
      act(ctx, 'publicCompulsory', { series: 'xiThought', hours: 8 }, 'PLATFORM'),
      act(ctx, 'publicCompulsory', { series: 'eightStrategies', hours: 6 }, 'PLATFORM'),
      act(ctx, 'publicCompulsory', { series: 'ethics', hours: 6 }, 'PLATFORM'),
      act(ctx, 'publicElective', { hours: 10 }, 'PLATFORM'),
      act(ctx, 'professionalCourse', { hours: 36 }, 'PLATFORM'),
      {
        kind: 'unitTraining',
        date: start,
        params: { projectName: `${topic(ctx)}专题培训班`, filedDate: ctx.daysBefore(start, 2), startDate: start, hours: 24 },
        source: 'PROVIDER',
      },
    ];
  },
  exempt: () => null,
};

const binzhou: TenantRecipe = {
  complete(ctx) {
    const publicHours = ctx.random() < 0.7 ? [30] : [20, 10];
    const out = [
      ...publicHours.map((hours) => act(ctx, 'publicCourse', { hours }, 'PLATFORM')),
      act(ctx, 'professionalTraining', { hours: ctx.pick([40, 48]) }, 'PROVIDER'),
      act(ctx, 'professionalTraining', { hours: ctx.pick([24, 30]) }, 'PROVIDER'),
    ];
    if (ctx.random() < 0.25) {
      const authorCount = ctx.pick([1, 2, 3]);
      out.push(act(ctx, 'paper', { title: topic(ctx), level: 'provincial', chars: ctx.pick([3200, 4800, 6500]), authorCount, authorPosition: 1 }));
    }
    return out;
  },
  short(ctx) {
    if (ctx.random() < 0.5) {
      return [
        act(ctx, 'publicCourse', { hours: 24 }, 'PLATFORM'),
        act(ctx, 'professionalTraining', { hours: 40 }, 'PROVIDER'),
        act(ctx, 'professionalTraining', { hours: 24 }, 'PROVIDER'),
      ];
    }
    return [act(ctx, 'publicCourse', { hours: 30 }, 'PLATFORM'), act(ctx, 'professionalTraining', { hours: 32 }, 'PROVIDER')];
  },
  exempt: () => null,
};

function classLevel(level: TitleLevel): string {
  if (level === 'INTERMEDIATE') return 'intermediate';
  return level === 'DEPUTY_SENIOR' || level === 'SENIOR' ? 'senior' : 'junior';
}

const bingtuan: TenantRecipe = {
  complete(ctx) {
    const pub = act(ctx, 'publicOnline', { classLevel: classLevel(ctx.person.titleLevel), hours: 30 }, 'PLATFORM');
    if (ctx.person.titleSeries === 'HEALTH') {
      return [pub, act(ctx, 'healthCredits', { credits: ctx.pick([25, 28, 30]), approved: true })];
    }
    const next = NEXT_LEVEL[ctx.person.titleLevel];
    if (next && ctx.random() < 0.25) return [pub, act(ctx, 'faceToFace', { targetLevel: next }, 'PROVIDER')];
    if (ctx.random() < 0.5) return [pub, act(ctx, 'professionalOnline', { hours: 60 }, 'PLATFORM')];
    return [pub, act(ctx, 'professionalOnline', { hours: 36 }, 'PLATFORM'), act(ctx, 'professionalOnline', { hours: 24 }, 'PLATFORM')];
  },
  short(ctx) {
    const level = classLevel(ctx.person.titleLevel);
    if (ctx.person.titleSeries === 'HEALTH') {
      // 18 sector credits are not the 25 that replace the training
      return [
        act(ctx, 'publicOnline', { classLevel: level, hours: 30 }, 'PLATFORM'),
        act(ctx, 'professionalOnline', { hours: 24 }, 'PLATFORM'),
        act(ctx, 'healthCredits', { credits: 18, approved: true }),
      ];
    }
    if (ctx.random() < 0.5) {
      return [act(ctx, 'publicOnline', { classLevel: level, hours: 30 }, 'PLATFORM'), act(ctx, 'professionalOnline', { hours: 36 }, 'PLATFORM')];
    }
    return [act(ctx, 'publicOnline', { classLevel: level, hours: 18 }, 'PLATFORM'), act(ctx, 'professionalOnline', { hours: 60 }, 'PLATFORM')];
  },
  exempt(ctx) {
    if (ctx.person.titleSeries === 'SCHOOL_TEACHING') {
      return [act(ctx, 'secondedTeacher', { isSchoolManager: false, proof: '兵团教育局内派教师选派文件及所在学校工作证明' })];
    }
    return [act(ctx, 'fanghuiju', { dispatchProof: '兵团“访惠聚”驻村工作队员名单及派出单位证明' })];
  },
};

export const RECIPES: Readonly<Record<RegionCityKey, TenantRecipe>> = { linyi, qingdao, jining, binzhou, bingtuan };
