"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compilePolicy = compilePolicy;
exports.isYearEnd = isYearEnd;
exports.versionForYear = versionForYear;
// Turns a policy document into closures once (per document object, cached), so the
// per-year evaluation only looks things up. Adding a tenant adds data, not code here;
// each kind is compiled by kind-compiler, its rule by its rule type (rules/).
const kind_compiler_1 = require("./kind-compiler");
const memo_text_1 = require("./memo-text");
const reason_lines_1 = require("./reason-lines");
const cache = new WeakMap();
function compilePolicy(doc) {
    const hit = cache.get(doc);
    if (hit)
        return hit;
    // Compiled in a separate function: its closures would otherwise make every call (every
    // evaluation, cache hit or not) allocate their context.
    const compiled = compileDocument(doc);
    cache.set(doc, compiled);
    return compiled;
}
function compileDocument(doc) {
    const versions = [...doc.versions].sort((a, b) => a.fromYear - b.fromYear).map(compileVersion);
    const first = versions[0]?.spec.fromYear ?? 0;
    // Small year → version and year → deadline arrays keep the lookups to one index in the hot path.
    const span = 200;
    const byYear = [];
    for (let i = 0; i < span; i++)
        byYear.push(findVersion(versions, first + i));
    const deadlines = new Map();
    const deadlineOf = (year) => {
        let d = deadlines.get(year);
        if (d === undefined) {
            d = `${year}-${doc.deadline.monthDay}`;
            deadlines.set(year, d);
        }
        return d;
    };
    const nearDeadlines = [];
    const nearYearEnds = [];
    for (let i = 0; i < span; i++) {
        const d = deadlineOf(first + i);
        nearDeadlines.push(d);
        nearYearEnds.push(isYearEnd(d, first + i));
    }
    // Below, 0 ≤ i < span indexes the arrays just filled.
    const compiled = {
        doc,
        versions,
        annualDeadline(year) {
            const i = year - first;
            return i >= 0 && i < span ? nearDeadlines[i] : deadlineOf(year);
        },
        annualDeadlineIsYearEnd(year) {
            const i = year - first;
            return i >= 0 && i < span ? nearYearEnds[i] : isYearEnd(deadlineOf(year), year);
        },
        versionFor(year) {
            const i = year - first;
            return i >= 0 && i < span ? byYear[i] : findVersion(versions, year);
        },
    };
    return compiled;
}
/** The deadline is Dec 31 of the year (then a date inside the year is never after it). */
function isYearEnd(deadline, year) {
    return deadline.length === 10 && deadline.endsWith('-12-31') && deadline.startsWith(String(year));
}
function findVersion(versions, year) {
    let found;
    for (const v of versions)
        if (v.spec.fromYear <= year)
            found = v;
    return found;
}
/** The policy version in force for a year (versions are chosen by their fromYear). */
function versionForYear(policy, year) {
    return compilePolicy(policy).versionFor(year)?.spec;
}
function compileVersion(spec) {
    const unit = spec.regime === 'CREDITS' ? '学分' : '学时';
    const groupCapNames = new Map();
    for (const [code, g] of Object.entries(spec.groups ?? {})) {
        const pub = g.caps.PUBLIC;
        const prof = g.caps.PROFESSIONAL;
        if (pub !== undefined)
            groupCapNames.set(`${code}:PUBLIC`, `${g.name}：公需科目每年不超过${pub}${unit}`);
        if (prof !== undefined)
            groupCapNames.set(`${code}:PROFESSIONAL`, `${g.name}：专业科目每年不超过${prof}${unit}`);
        const parts = [pub !== undefined ? `公需科目不超过${pub}${unit}` : '', prof !== undefined ? `专业科目不超过${prof}${unit}` : ''].filter(Boolean);
        groupCapNames.set(`${code}:FLEXIBLE`, `${g.name}：合计可抵${parts.join('、')}`);
    }
    const counters = { capped: 0, groups: new Map() };
    const kinds = new Map();
    for (const [code, kind] of Object.entries(spec.kinds))
        kinds.set(code, (0, kind_compiler_1.compileKind)(code, kind, unit, spec, groupCapNames, counters));
    const hasCountsOnce = Object.values(spec.kinds).some((k) => k.countsOnce !== undefined);
    const compulsoryLines = (spec.compulsory ?? []).map((c) => (0, memo_text_1.memoText)((got) => (0, reason_lines_1.compulsoryLine)(c, unit, got)));
    const kindByCode = Object.create(null);
    for (const [code, kind] of kinds)
        kindByCode[code] = kind;
    return {
        spec,
        unit,
        regime: spec.regime,
        credits: spec.regime === 'CREDITS',
        requirementPublic: spec.requirement.PUBLIC,
        requirementProfessional: spec.requirement.PROFESSIONAL,
        compulsory: spec.compulsory ?? [],
        profileRules: spec.profileRules,
        kinds,
        hasCountsOnce,
        groupCapNames,
        cappedKindCount: counters.capped,
        groupCount: counters.groups.size,
        compulsoryLines,
        kindByCode,
    };
}
