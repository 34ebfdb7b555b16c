// Title levels and series shared by the data model, the API and the hours engine.
// The engine imports this file only (it has no imports of its own).

export const TITLE_LEVELS = ['NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = {
  NONE: '无职称',
  JUNIOR: '员级',
  ASSISTANT: '助理级',
  INTERMEDIATE: '中级',
  DEPUTY_SENIOR: '副高级',
  SENIOR: '正高级',
};

export const TITLE_SERIES = [
  'ENGINEERING',
  'HEALTH',
  'SCHOOL_TEACHING',
  'HIGHER_EDUCATION',
  'ACCOUNTING',
  'ECONOMICS',
  'AGRICULTURE',
  'STATISTICS',
  'AUDITING',
  'LAW',
  'JOURNALISM',
  'ARTS',
  'SOCIAL_WORK',
  'OTHER',
] as const;
export type TitleSeries = (typeof TITLE_SERIES)[number];

export const TITLE_SERIES_LABELS: Record<TitleSeries, string> = {
  ENGINEERING: '工程技术',
  HEALTH: '卫生',
  SCHOOL_TEACHING: '中小学教师',
  HIGHER_EDUCATION: '高等学校教师',
  ACCOUNTING: '会计',
  ECONOMICS: '经济',
  AGRICULTURE: '农业',
  STATISTICS: '统计',
  AUDITING: '审计',
  LAW: '律师',
  JOURNALISM: '新闻',
  ARTS: '艺术',
  SOCIAL_WORK: '社会工作',
  OTHER: '其他',
};

/** Rank of a level, for "next level up" and comparisons. */
export function titleLevelRank(level: TitleLevel): number {
  return TITLE_LEVELS.indexOf(level);
}

/** How a title is applied for (职称申报途径); the Corps' rules differ by route (003 第11、12问). */
export const TITLE_ROUTES = ['NORMAL_REVIEW', 'EXAM_INSTEAD_OF_REVIEW', 'ASSESSMENT_RECOGNITION', 'DIRECT_APPLICATION'] as const;
export type TitleRoute = (typeof TITLE_ROUTES)[number];

export const TITLE_ROUTE_LABELS: Record<TitleRoute, string> = {
  NORMAL_REVIEW: '正常评审',
  EXAM_INSTEAD_OF_REVIEW: '以考代评',
  ASSESSMENT_RECOGNITION: '考核认定',
  DIRECT_APPLICATION: '直接申报（员级、助理级）',
};

/** Levels that may be applied for directly, without a lower title (000 四、1). */
export const DIRECT_APPLICATION_LEVELS: readonly TitleLevel[] = ['JUNIOR', 'ASSISTANT'];

/** Employer types (单位性质) an organisation node carries, inherited down the tree. */
export const EMPLOYER_TYPES = [
  'GOVERNMENT_AGENCY',
  'PUBLIC_INSTITUTION',
  'STATE_ENTERPRISE',
  'PRIVATE_ENTERPRISE',
  'SOCIAL_ORGANISATION',
  'OTHER',
  // people without an employer, registered where their personnel file is kept (人事代理、人才服务机构)
  'NO_EMPLOYER',
] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];

export const EMPLOYER_TYPE_LABELS: Record<EmployerType, string> = {
  GOVERNMENT_AGENCY: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  STATE_ENTERPRISE: '国有企业',
  PRIVATE_ENTERPRISE: '民营企业',
  SOCIAL_ORGANISATION: '社会组织',
  OTHER: '其他',
  NO_EMPLOYER: '无用人单位（人事代理、自由职业）',
};
