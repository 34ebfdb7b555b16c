"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUBJECT_FLEXIBLE = exports.SUBJECT_PROFESSIONAL = exports.SUBJECT_PUBLIC = void 0;
exports.compileKind = compileKind;
// Compiles one activity kind of a policy version: its rule (by its rule type, see rules/),
// its conditions, caps, group and "counts once" key, into one object the hot loop reads.
//
// Parameters are read once per activity into slots by a reader made for its kind: the
// ~60 kinds each give their declaration objects their own shape, so reading params[name]
// in shared code (rules, conditions) was a slow generic lookup at every read. Each kind's
// reader is its own small generated function (new Function, once per policy version), so
// its reads see one shape and stay fast; rules and conditions then work on the slots.
const condition_compiler_1 = require("./condition-compiler");
const registry_1 = require("./rules/registry");
/** The subject a kind's hours go to: PUBLIC, PROFESSIONAL (also SPLIT kinds' single amounts), or placed later. */
exports.SUBJECT_PUBLIC = 0;
exports.SUBJECT_PROFESSIONAL = 1;
exports.SUBJECT_FLEXIBLE = 2;
function compileKind(code, spec, unit, version, groupCapNames, counters) {
    const labels = new Map();
    for (const p of spec.params) {
        labels.set(p.name, p.label);
        for (const o of p.values ?? [])
            labels.set(o.value, o.label);
    }
    const requiredParams = spec.params.filter((p) => p.required).map((p) => ({ name: p.name, label: p.label }));
    // Required parameters take the first slots, one each even when a name repeats, so that
    // the check walks slots 0…n−1 in the declared order with the declared label.
    const slotNames = requiredParams.map((p) => p.name);
    const slotOf = (name) => {
        let i = slotNames.indexOf(name);
        if (i < 0) {
            i = slotNames.length;
            slotNames.push(name);
        }
        return i;
    };
    const ruleType = (0, registry_1.ruleTypeOf)(spec.rule);
    const slotRule = ruleType.compile(spec.rule, { unit, labels, slotOf });
    const slotConditions = (spec.conditions ?? []).map((c) => (0, condition_compiler_1.compileCondition)(c, slotOf));
    const authorsSlot = spec.split ? slotOf(spec.split.authorsParam) : -1;
    const positionSlot = spec.split ? slotOf(spec.split.positionParam) : -1;
    const read = makeReader(slotNames);
    const slots = [];
    for (let i = 0; i < slotNames.length; i++)
        slots.push(undefined);
    const fresh = () => {
        const s = [];
        for (let i = 0; i < slotNames.length; i++)
            s.push(undefined);
        return s;
    };
    const caps = spec.caps;
    const groupCode = spec.group;
    const group = groupCode === undefined ? undefined : version.groups?.[groupCode];
    let groupSlot = -1;
    if (groupCode !== undefined && group !== undefined) {
        groupSlot = counters.groups.get(groupCode) ?? counters.groups.size;
        counters.groups.set(groupCode, groupSlot);
    }
    const years = spec.years ? new Set(spec.years) : null;
    const subjectCode = spec.subject === 'FLEXIBLE' ? exports.SUBJECT_FLEXIBLE : spec.subject === 'PUBLIC' ? exports.SUBJECT_PUBLIC : exports.SUBJECT_PROFESSIONAL;
    return {
        code,
        spec,
        rule: (params, out) => {
            const s = fresh();
            read(params, s);
            slotRule(s, out);
        },
        conditions: slotConditions.map((condition) => (params) => {
            const s = fresh();
            read(params, s);
            return condition(s);
        }),
        requiredParams,
        years,
        series: spec.series ? new Set(spec.series) : null,
        perYearCapName: `“${spec.name}”每年不超过${spec.caps?.perYear ?? 0}${unit}`,
        lifetimeCapName: `“${spec.name}”累计不超过${spec.caps?.lifetime ?? 0}${unit}`,
        deemReason: ruleType.exemptionReason(spec.rule, spec.name),
        limited: spec.fromYear !== undefined || spec.years !== undefined || spec.series !== undefined,
        orderSensitive: spec.caps !== undefined || spec.group !== undefined || spec.subject === 'FLEXIBLE' || spec.countsOnce !== undefined || ruleType.orderSensitive,
        source: spec.source,
        fromYear: spec.fromYear,
        chosenYear: !!spec.chosenYear,
        compulsory: !!spec.compulsory,
        slotNames,
        read,
        slots,
        slotRule,
        slotConditions,
        requiredCount: requiredParams.length,
        missingNotes: requiredParams.map((p) => `缺少“${p.label}”，不计${unit}`),
        beforeFromYearNote: `“${spec.name}”自${spec.fromYear}年起才计${unit}`,
        notInYearsNote: years ? `“${spec.name}”只适用于${[...years].join('、')}年度` : '',
        seriesNote: `“${spec.name}”只适用于特定职称系列`,
        subjectCode,
        authorsSlot,
        positionSlot,
        evidenceKey: spec.countsOnce ? makeEvidenceKey(code, spec.countsOnce.keyParams) : null,
        evidenceEver: spec.countsOnce?.scope === 'EVER',
        capSlot: caps !== undefined ? counters.capped++ : -1,
        perYearCap: caps?.perYear,
        lifetimeCap: caps?.lifetime,
        groupSlot,
        groupCapPublic: group?.caps.PUBLIC,
        groupCapProfessional: group?.caps.PROFESSIONAL,
        groupCapNamePublic: group ? (groupCapNames.get(`${groupCode}:PUBLIC`) ?? group.name) : '',
        groupCapNameProfessional: group ? (groupCapNames.get(`${groupCode}:PROFESSIONAL`) ?? group.name) : '',
        groupCapNameFlexible: group ? (groupCapNames.get(`${groupCode}:FLEXIBLE`) ?? group.name) : '',
    };
}
/**
 * A reader made for one kind: "s[0] = p["hours"]; s[1] = p["days"];" as its own function,
 * so each read site sees that kind's declarations only. Names are emitted as JSON string
 * literals (no code from the policy is run). Where code generation is disallowed, a loop.
 */
function makeReader(names) {
    if (names.length === 0)
        return () => { };
    const body = names.map((name, i) => `s[${i}] = p[${JSON.stringify(name)}];`).join('\n');
    try {
        return new Function('p', 's', `"use strict";\n${body}`);
    }
    catch {
        return (params, s) => {
            names.forEach((name, i) => {
                s[i] = params[name];
            });
        };
    }
}
/** "kind|value|…" with each value as text, trimmed (missing values as empty text). */
function makeEvidenceKey(code, keyParams) {
    const parts = keyParams.map((name) => ` + "|" + String(p[${JSON.stringify(name)}] ?? "").trim()`).join('');
    try {
        return new Function('p', `"use strict";\nreturn ${JSON.stringify(code)}${parts};`);
    }
    catch {
        return (params) => {
            let key = code;
            for (const name of keyParams)
                key += `|${String(params[name] ?? '').trim()}`;
            return key;
        };
    }
}
