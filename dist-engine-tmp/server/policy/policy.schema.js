"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.policySchema = void 0;
// One zod schema for every tenant policy file. Strict objects everywhere: a misspelt key
// in a policy is a silent rule change, so it is rejected, not ignored.
const zod_1 = require("zod");
const titles_1 = require("../engine/titles");
const policy_references_1 = require("./policy-references");
const nonNegative = zod_1.z.number({ error: '应为数字' }).nonnegative({ error: '不能为负数' });
const positiveInt = zod_1.z.number({ error: '应为整数' }).int({ error: '应为整数' }).positive({ error: '应为正整数' });
const year = zod_1.z.number({ error: '应为年份' }).int({ error: '应为年份' }).min(1990, { error: '年份应不早于 1990' }).max(2100, { error: '年份应不晚于 2100' });
const text = zod_1.z.string({ error: '应为文字' }).min(1, { error: '不能为空' });
const source = text.regex(/^\d{3} /, { error: '出处应以文件编号开头，例如“004 附件 一、(二)”' });
const monthDay = zod_1.z.string({ error: '应为 MM-DD' }).regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '应为 MM-DD，例如 12-31' });
const subject = zod_1.z.enum(['PUBLIC', 'PROFESSIONAL'], { error: '应为 PUBLIC 或 PROFESSIONAL' });
const titleLevel = zod_1.z.enum(titles_1.TITLE_LEVELS, { error: `应为职称级别之一：${titles_1.TITLE_LEVELS.join(', ')}` });
const titleSeries = zod_1.z.enum(titles_1.TITLE_SERIES, { error: `应为职称系列之一：${titles_1.TITLE_SERIES.join(', ')}` });
const scalar = zod_1.z.union([zod_1.z.string(), zod_1.z.number(), zod_1.z.boolean()], { error: '应为文字、数字或布尔值' });
const paramSpec = zod_1.z
    .strictObject({
    name: text,
    type: zod_1.z.enum(['int', 'number', 'string', 'enum', 'bool', 'date'], { error: '应为 int、number、string、enum、bool 或 date' }),
    label: text,
    required: zod_1.z.boolean({ error: '应为 true 或 false' }),
    values: zod_1.z.array(zod_1.z.strictObject({ value: text, label: text })).min(1, { error: '至少要有一个可选值' }).optional(),
    min: zod_1.z.number({ error: '应为数字' }).optional(),
    max: zod_1.z.number({ error: '应为数字' }).optional(),
})
    .refine((p) => p.type !== 'enum' || p.values !== undefined, { error: '枚举类型的参数必须列出可选值 values', path: ['values'] });
const axis = zod_1.z.union([
    zod_1.z.strictObject({ param: text, map: zod_1.z.record(zod_1.z.string(), text).optional() }),
    zod_1.z.strictObject({ fixed: text }),
    zod_1.z.strictObject({
        byRank: zod_1.z.strictObject({
            rankParam: text,
            bands: zod_1.z.array(zod_1.z.strictObject({ maxRank: positiveInt.optional(), value: text })).min(1),
        }),
    }),
], { error: '应为 {param}、{fixed} 或 {byRank} 之一' });
const lookupTable = zod_1.z.strictObject({
    rows: zod_1.z.array(text).min(1, { error: '至少要有一行' }),
    columns: zod_1.z.array(text).min(1, { error: '至少要有一列' }),
    cells: zod_1.z.record(zod_1.z.string(), zod_1.z.record(zod_1.z.string(), nonNegative.nullable())),
    labels: zod_1.z.record(zod_1.z.string(), text).optional(),
});
const rule = zod_1.z.discriminatedUnion('type', [
    zod_1.z.strictObject({ type: zod_1.z.literal('fixed'), hours: nonNegative, perParam: text.optional(), divisor: positiveInt.optional() }),
    zod_1.z.strictObject({
        type: zod_1.z.literal('actualHours'),
        hoursParam: text,
        daysParam: text.optional(),
        maxPerDay: nonNegative.optional(),
        divisor: positiveInt.optional(),
    }),
    zod_1.z.strictObject({ type: zod_1.z.literal('lookup'), param: text, values: zod_1.z.record(zod_1.z.string(), nonNegative) }),
    zod_1.z.strictObject({
        type: zod_1.z.literal('table'),
        table: lookupTable,
        row: axis,
        column: axis,
        downgrade: zod_1.z
            .strictObject({
            rankParam: text,
            fromRank: positiveInt,
            shift: zod_1.z.enum(['row', 'column'], { error: '应为 row 或 column' }),
            by: zod_1.z.number().int(),
            offTable: nonNegative.optional(),
        })
            .optional(),
    }),
    zod_1.z.strictObject({
        type: zod_1.z.literal('brackets'),
        param: text,
        brackets: zod_1.z.array(zod_1.z.strictObject({ below: nonNegative.optional(), hours: nonNegative })).min(1),
        beyond: zod_1.z.strictObject({ from: nonNegative, every: zod_1.z.number().positive({ error: '应为正数' }), add: nonNegative }).optional(),
    }),
    zod_1.z.strictObject({ type: zod_1.z.literal('proRata'), monthsParam: text, perYear: zod_1.z.strictObject({ PUBLIC: nonNegative, PROFESSIONAL: nonNegative }) }),
    zod_1.z.strictObject({ type: zod_1.z.literal('deemComplete'), scope: zod_1.z.enum(['YEAR', 'PUBLIC', 'PROFESSIONAL']), exempt: zod_1.z.boolean() }),
], { error: '规则类型 type 应为 fixed、actualHours、lookup、table、brackets、proRata 或 deemComplete' });
const conditionBase = {
    message: text,
    source: source.optional(),
    when: zod_1.z.strictObject({ param: text, in: zod_1.z.array(scalar).min(1) }).optional(),
};
const condition = zod_1.z.discriminatedUnion('check', [
    zod_1.z.strictObject({ ...conditionBase, check: zod_1.z.literal('min'), param: text, value: zod_1.z.number(), exclusive: zod_1.z.boolean().optional() }),
    zod_1.z.strictObject({ ...conditionBase, check: zod_1.z.literal('max'), param: text, value: zod_1.z.number() }),
    zod_1.z.strictObject({ ...conditionBase, check: zod_1.z.literal('equals'), param: text, value: scalar }),
    zod_1.z.strictObject({ ...conditionBase, check: zod_1.z.literal('notIn'), param: text, values: zod_1.z.array(text).min(1) }),
    zod_1.z.strictObject({ ...conditionBase, check: zod_1.z.literal('workingDaysBefore'), param: text, beforeParam: text, days: positiveInt }),
], { error: '条件 check 应为 min、max、equals、notIn 或 workingDaysBefore' });
const kind = zod_1.z.strictObject({
    name: text,
    subject: zod_1.z.enum(['PUBLIC', 'PROFESSIONAL', 'SPLIT', 'FLEXIBLE'], { error: '应为 PUBLIC、PROFESSIONAL、SPLIT 或 FLEXIBLE' }),
    source,
    rule,
    params: zod_1.z.array(paramSpec),
    conditions: zod_1.z.array(condition).optional(),
    split: zod_1.z.strictObject({ authorsParam: text, positionParam: text, source }).optional(),
    caps: zod_1.z.strictObject({ perYear: nonNegative.optional(), lifetime: nonNegative.optional() }).optional(),
    group: text.optional(),
    countsOnce: zod_1.z.strictObject({ keyParams: zod_1.z.array(text).min(1), scope: zod_1.z.enum(['YEAR', 'EVER']), source }).optional(),
    fromYear: year.optional(),
    years: zod_1.z.array(year).min(1).optional(),
    series: zod_1.z.array(titleSeries).min(1).optional(),
    compulsory: zod_1.z.boolean().optional(),
    chosenYear: zod_1.z.boolean().optional(),
});
const version = zod_1.z
    .strictObject({
    fromYear: year,
    regime: zod_1.z.enum(['HOURS', 'CREDITS'], { error: '应为 HOURS 或 CREDITS' }),
    source,
    requirement: zod_1.z.strictObject({ PUBLIC: nonNegative, PROFESSIONAL: nonNegative, source }),
    compulsory: zod_1.z.array(zod_1.z.strictObject({ subject, hours: nonNegative, name: text, source })).optional(),
    credits: zod_1.z
        .strictObject({ windows: zod_1.z.array(zod_1.z.strictObject({ years: zod_1.z.array(year).min(1), required: nonNegative, source })).min(1) })
        .optional(),
    titleYearRule: zod_1.z.discriminatedUnion('type', [
        zod_1.z.strictObject({ type: zod_1.z.literal('EACH_YEAR'), source }),
        zod_1.z.strictObject({ type: zod_1.z.literal('AVERAGE'), minPerYear: nonNegative, source }),
        zod_1.z.strictObject({ type: zod_1.z.literal('CREDITS'), source }),
    ], { error: '应为 EACH_YEAR、AVERAGE 或 CREDITS' }),
    groups: zod_1.z
        .record(zod_1.z.string(), zod_1.z.strictObject({ name: text, source, caps: zod_1.z.strictObject({ PUBLIC: nonNegative.optional(), PROFESSIONAL: nonNegative.optional() }) }))
        .optional(),
    profileRules: zod_1.z
        .array(zod_1.z.strictObject({
        when: zod_1.z.strictObject({ employerType: text.optional(), flag: text.optional(), series: titleSeries.optional() }),
        waive: zod_1.z.enum(['YEAR', 'PUBLIC', 'PROFESSIONAL']),
        reason: text,
        source,
    }))
        .optional(),
    kinds: zod_1.z.record(zod_1.z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { error: '学习形式代码应为 camelCase' }), kind),
})
    .superRefine(policy_references_1.checkVersionReferences);
exports.policySchema = zod_1.z
    .strictObject({
    code: zod_1.z.string().regex(/^[a-z][a-z0-9-]*$/, { error: '租户代码应为小写字母、数字和连字符' }),
    name: text,
    sources: zod_1.z.record(zod_1.z.string().regex(/^\d{3}$/, { error: '文件编号应为三位数字' }), text),
    deadline: zod_1.z.strictObject({ monthDay, source }),
    title: zod_1.z.strictObject({
        windows: zod_1.z
            .array(zod_1.z.strictObject({ from: zod_1.z.array(titleLevel).min(1).optional(), to: zod_1.z.array(titleLevel).min(1), years: positiveInt, source }))
            .min(1, { error: '至少要有一条职称年限规则' }),
        shortenToTenure: zod_1.z.boolean({ error: '应为 true 或 false' }),
        deadline: zod_1.z.discriminatedUnion('type', [
            zod_1.z.strictObject({ type: zod_1.z.literal('fixed'), monthDay, source }),
            zod_1.z.strictObject({ type: zod_1.z.literal('filing'), source }),
            zod_1.z.strictObject({ type: zod_1.z.literal('yearEnd') }),
        ], { error: '应为 fixed、filing 或 yearEnd' }),
    }),
    versions: zod_1.z.array(version).min(1, { error: '至少要有一个版本' }),
})
    .superRefine((doc, ctx) => {
    for (let i = 1; i < doc.versions.length; i++) {
        if (doc.versions[i].fromYear <= doc.versions[i - 1].fromYear) {
            ctx.addIssue({ code: 'custom', path: ['versions', i, 'fromYear'], message: '版本应按 fromYear 从早到晚排列且不重复' });
        }
    }
});
// Compile-time proof that a validated file is exactly what the engine reads.
const conformsToEngine = (doc) => doc;
void conformsToEngine;
