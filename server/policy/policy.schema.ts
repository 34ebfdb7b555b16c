// One zod schema for every tenant policy file. Strict objects everywhere: a misspelt key
// in a policy is a silent rule change, so it is rejected, not ignored.
import { z } from 'zod';
import type { PolicyDocument } from '../engine/policy.types';
import { EMPLOYER_TYPES, TITLE_LEVELS, TITLE_ROUTES, TITLE_SERIES } from '../engine/titles';
import { isValidDate } from '../engine/working-days';
import { checkVersionReferences } from './policy-references';
import { checkCitations, citation, sourceKey, sourceRecord } from './policy-sources';
import { remindersSchema } from './reminders.schema';
import { checkReviewKinds, reviewSchema } from './review.schema';
import { isReservedName, reservedNameMessage } from './reserved-names';

const nonNegative = z.number({ error: '应为数字' }).nonnegative({ error: '不能为负数' });
const positiveInt = z.number({ error: '应为整数' }).int({ error: '应为整数' }).positive({ error: '应为正整数' });
const year = z.number({ error: '应为年份' }).int({ error: '应为年份' }).min(1990, { error: '年份应不早于 1990' }).max(2100, { error: '年份应不晚于 2100' });
const text = z.string({ error: '应为文字' }).min(1, { error: '不能为空' });
/** "<source key> <section>": the key of a document in `sources` (checked against the document), then the section. */
const source = citation;
/** A day every year has, or 02-29 (in a common year the deadline is 28 February). */
const monthDay = z
  .string({ error: '应为 MM-DD' })
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '应为 MM-DD，例如 12-31' })
  .refine((md) => Number(md.slice(3)) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(md.slice(0, 2)) - 1]!, {
    error: (issue) => `日期“${String(issue.input)}”不存在（4、6、9、11月只有30日，2月最多29日）`,
  });
/** The name of a kind, group or parameter: not one every object already has (see reserved-names). */
const notReserved = (name: string) => !isReservedName(name);
const reserved = { error: (issue: { input?: unknown }) => reservedNameMessage(String(issue.input)) };
const subject = z.enum(['PUBLIC', 'PROFESSIONAL'], { error: '应为 PUBLIC 或 PROFESSIONAL' });
const titleLevel = z.enum(TITLE_LEVELS, { error: `应为职称级别之一：${TITLE_LEVELS.join(', ')}` });
const titleSeries = z.enum(TITLE_SERIES, { error: `应为职称系列之一：${TITLE_SERIES.join(', ')}` });
const titleRoute = z.enum(TITLE_ROUTES, { error: `应为申报途径之一：${TITLE_ROUTES.join(', ')}` });
const employerType = z.enum(EMPLOYER_TYPES, { error: `应为单位性质之一：${EMPLOYER_TYPES.join(', ')}` });
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: '应为文字、数字或布尔值' });

const paramSpec = z
  .strictObject({
    name: text.refine(notReserved, reserved),
    type: z.enum(['int', 'number', 'string', 'enum', 'bool', 'date'], { error: '应为 int、number、string、enum、bool 或 date' }),
    label: text,
    required: z.boolean({ error: '应为 true 或 false' }),
    values: z.array(z.strictObject({ value: text, label: text })).min(1, { error: '至少要有一个可选值' }).optional(),
    min: z.number({ error: '应为数字' }).optional(),
    max: z.number({ error: '应为数字' }).optional(),
  })
  .refine((p) => p.type !== 'enum' || p.values !== undefined, { error: '枚举类型的参数必须列出可选值 values', path: ['values'] });

const axis = z.union(
  [
    z.strictObject({ param: text, map: z.record(z.string(), text).optional() }),
    z.strictObject({ fixed: text }),
    z.strictObject({
      byRank: z.strictObject({
        rankParam: text,
        bands: z.array(z.strictObject({ maxRank: positiveInt.optional(), value: text })).min(1),
      }),
    }),
  ],
  { error: '应为 {param}、{fixed} 或 {byRank} 之一' },
);

const lookupTable = z.strictObject({
  rows: z.array(text).min(1, { error: '至少要有一行' }),
  columns: z.array(text).min(1, { error: '至少要有一列' }),
  cells: z.record(z.string(), z.record(z.string(), nonNegative.nullable())),
  labels: z.record(z.string(), text).optional(),
});

const rule = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('fixed'), hours: nonNegative, perParam: text.optional(), divisor: positiveInt.optional() }),
    z.strictObject({
      type: z.literal('actualHours'),
      hoursParam: text,
      daysParam: text.optional(),
      maxPerDay: nonNegative.optional(),
      divisor: positiveInt.optional(),
    }),
    z.strictObject({ type: z.literal('lookup'), param: text, values: z.record(z.string(), nonNegative) }),
    z.strictObject({
      type: z.literal('table'),
      table: lookupTable,
      row: axis,
      column: axis,
      downgrade: z
        .strictObject({
          rankParam: text,
          fromRank: positiveInt,
          shift: z.enum(['row', 'column'], { error: '应为 row 或 column' }),
          by: z.number().int(),
          offTable: nonNegative.optional(),
        })
        .optional(),
    }),
    z.strictObject({
      type: z.literal('brackets'),
      param: text,
      brackets: z.array(z.strictObject({ below: nonNegative.optional(), hours: nonNegative })).min(1),
      beyond: z.strictObject({ from: nonNegative, every: z.number().positive({ error: '应为正数' }), add: nonNegative }).optional(),
    }),
    z.strictObject({ type: z.literal('proRata'), monthsParam: text, perYear: z.strictObject({ PUBLIC: nonNegative, PROFESSIONAL: nonNegative }) }),
    z.strictObject({ type: z.literal('deemComplete'), scope: z.enum(['YEAR', 'PUBLIC', 'PROFESSIONAL']), exempt: z.boolean() }),
    z.strictObject({ type: z.literal('recognizedHours'), publicParam: text, professionalParam: text }),
  ],
  { error: '规则类型 type 应为 fixed、actualHours、lookup、table、brackets、proRata、deemComplete 或 recognizedHours' },
);

const conditionBase = {
  message: text,
  source: source.optional(),
  when: z.strictObject({ param: text, in: z.array(scalar).min(1) }).optional(),
};
const calendarDate = z.string({ error: '应为日期 YYYY-MM-DD' }).refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isValidDate(d), {
  error: (issue) => `“${String(issue.input)}”不是有效日期（YYYY-MM-DD）`,
});
/** The tenant's own closures, on top of the statutory working-day calendar (holidays, 调休). */
const calendar = z.strictObject({
  closures: z
    .array(
      z
        .strictObject({ from: calendarDate, to: calendarDate, name: text, source })
        .refine((c) => c.from <= c.to, { error: '停止工作的起始日期不能晚于结束日期', path: ['to'] }),
    )
    .min(1, { error: '至少要有一段停止工作的日期' }),
});

const condition = z.discriminatedUnion(
  'check',
  [
    z.strictObject({ ...conditionBase, check: z.literal('min'), param: text, value: z.number(), exclusive: z.boolean().optional() }),
    z.strictObject({ ...conditionBase, check: z.literal('max'), param: text, value: z.number() }),
    z.strictObject({ ...conditionBase, check: z.literal('equals'), param: text, value: scalar }),
    z.strictObject({ ...conditionBase, check: z.literal('notIn'), param: text, values: z.array(text).min(1) }),
    z.strictObject({ ...conditionBase, check: z.literal('workingDaysBefore'), param: text, beforeParam: text, days: positiveInt }),
  ],
  { error: '条件 check 应为 min、max、equals、notIn 或 workingDaysBefore' },
);

const kind = z.strictObject({
  name: text,
  subject: z.enum(['PUBLIC', 'PROFESSIONAL', 'SPLIT', 'FLEXIBLE'], { error: '应为 PUBLIC、PROFESSIONAL、SPLIT 或 FLEXIBLE' }),
  source,
  rule,
  params: z.array(paramSpec),
  conditions: z.array(condition).optional(),
  split: z.strictObject({ authorsParam: text, positionParam: text, source }).optional(),
  caps: z.strictObject({ perYear: nonNegative.optional(), lifetime: nonNegative.optional() }).optional(),
  group: text.optional(),
  countsOnce: z.strictObject({ keyParams: z.array(text).min(1), scope: z.enum(['YEAR', 'EVER']), source }).optional(),
  evidence: z
    .strictObject({
      required: z.array(z.enum(['certificateNo', 'issuer', 'issuedOn', 'files'], { error: '应为 certificateNo、issuer、issuedOn 或 files' })).min(1).optional(),
      certificatePerYear: z.boolean().optional(),
      source,
    })
    .optional(),
  fromYear: year.optional(),
  years: z.array(year).min(1).optional(),
  series: z.array(titleSeries).min(1).optional(),
  compulsory: z.boolean().optional(),
  chosenYear: z.boolean().optional(),
  currentLevelClass: z.strictObject({ param: text, classes: z.record(z.string(), z.array(titleLevel).min(1)), source }).optional(),
  titleClass: z
    .strictObject({ levelParam: text, hoursParam: text.optional(), notForRoutes: z.array(titleRoute).min(1).optional(), source })
    .optional(),
});

const version = z
  .strictObject({
    fromYear: year,
    regime: z.enum(['HOURS', 'CREDITS'], { error: '应为 HOURS 或 CREDITS' }),
    source,
    requirement: z.strictObject({ PUBLIC: nonNegative, PROFESSIONAL: nonNegative, source }),
    compulsory: z.array(z.strictObject({ subject, hours: nonNegative, name: text, source })).optional(),
    credits: z
      .strictObject({ windows: z.array(z.strictObject({ years: z.array(year).min(1), required: nonNegative, source })).min(1) })
      .optional(),
    titleYearRule: z.discriminatedUnion(
      'type',
      [
        z.strictObject({ type: z.literal('EACH_YEAR'), source }),
        z.strictObject({ type: z.literal('AVERAGE'), minPerYear: nonNegative, source }),
        z.strictObject({ type: z.literal('CREDITS'), source }),
      ],
      { error: '应为 EACH_YEAR、AVERAGE 或 CREDITS' },
    ),
    groups: z
      .record(z.string().refine(notReserved, reserved), z.strictObject({ name: text, source, caps: z.strictObject({ PUBLIC: nonNegative.optional(), PROFESSIONAL: nonNegative.optional() }) }))
      .optional(),
    profileRules: z
      .array(
        z.strictObject({
          when: z.strictObject({ employerType: employerType.optional(), flag: text.optional(), series: titleSeries.optional(), route: titleRoute.optional() }),
          waive: z.enum(['YEAR', 'PUBLIC', 'PROFESSIONAL', 'NO_REQUIREMENT'], { error: '应为 YEAR、PUBLIC、PROFESSIONAL 或 NO_REQUIREMENT' }),
          reason: text,
          source,
        }),
      )
      .optional(),
    kinds: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { error: '学习形式代码应为 camelCase' }).refine(notReserved, reserved), kind),
  })
  .superRefine(checkVersionReferences);

export const policySchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: '租户代码应为小写字母、数字和连字符' }),
    name: text,
    sources: z.record(sourceKey, sourceRecord),
    deadline: z.strictObject({ monthDay, source }),
    title: z.strictObject({
      windows: z
        .array(z.strictObject({ from: z.array(titleLevel).min(1).optional(), to: z.array(titleLevel).min(1), years: positiveInt, source }))
        .min(1, { error: '至少要有一条职称年限规则' }),
      shortenToTenure: z.union([z.boolean(), z.strictObject({ basis: z.literal('CURRENT_TITLE'), source })], {
        error: '应为 true、false 或 { basis: CURRENT_TITLE, source }',
      }),
      deadline: z.discriminatedUnion(
        'type',
        [
          z.strictObject({ type: z.literal('fixed'), monthDay, source }),
          z.strictObject({ type: z.literal('filing'), source }),
          z.strictObject({ type: z.literal('yearEnd') }),
        ],
        { error: '应为 fixed、filing 或 yearEnd' },
      ),
    }),
    versions: z.array(version).min(1, { error: '至少要有一个版本' }),
    calendar: calendar.optional(),
    review: reviewSchema.optional(),
    providers: z.strictObject({ filingLeadWorkingDays: positiveInt.max(60, { error: '备案提前期不超过 60 个工作日' }).optional(), source }).optional(),
    integrity: z.strictObject({ termYears: positiveInt.max(10, { error: '记录期限最多 10 年' }), source }).optional(),
    retention: z
      .strictObject({ years: positiveInt.min(6, { error: '至少保存 6 年（当年及之前 5 年）' }).max(30, { error: '保存期限最多 30 年' }), source })
      .optional(),
    certificates: z
      .strictObject({
        scope: z.enum(['YEAR', 'TITLE_WINDOW'], { error: '应为 YEAR（每年度一份）或 TITLE_WINDOW（按职称评审年限一份）' }),
        title: text.max(100, { error: '证书名称最多 100 个字' }),
        requireComplete: z.boolean({ error: '应为 true 或 false' }),
        source,
      })
      .optional(),
    reminders: remindersSchema.optional(),
    registration: z.strictObject({ pendingDays: positiveInt.max(365, { error: '待审期限最多 365 天' }), source }).optional(),
    transferIn: z
      .strictObject({
        certifiedYears: z.enum(['ACCEPT', 'REVIEW'], { error: '应为 ACCEPT（直接认可其他地区认定的年度）或 REVIEW（逐年审核确认后计入）' }),
        source,
      })
      .optional(),
  })
  .superRefine((doc, ctx) => {
    checkCitations(doc, ctx);
    checkReviewKinds(doc, ctx);
    for (let i = 1; i < doc.versions.length; i++) {
      const [earlier, later] = [doc.versions[i - 1], doc.versions[i]];
      if (earlier && later && later.fromYear <= earlier.fromYear) {
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'fromYear'], message: '版本应按 fromYear 从早到晚排列且不重复' });
      }
    }
  });

export type PolicyFileContent = z.infer<typeof policySchema>;

// Compile-time proof that a validated file is exactly what the engine reads.
const conformsToEngine = (doc: PolicyFileContent): PolicyDocument => doc;
void conformsToEngine;
