// Turns a policy document into closures once (per document object, cached), so the
// per-year evaluation only looks things up. Adding a tenant adds data, not code here.
//
// Parameters are read once per activity into slots by a reader made for its kind: the
// ~60 kinds each give their declaration objects their own shape, so reading params[name]
// in shared code (rules, conditions) was a slow generic lookup at every read. Each kind's
// reader is its own small generated function (new Function, once per policy version), so
// its reads see one shape and stay fast; rules and conditions then work on the slots.
import type { TitleSeries } from '../platform/titles';
import type { CompulsorySpec, ConditionSpec, GroupSpec, KindSpec, ParamValue, PolicyDocument, PolicyVersion, ProfileRule, Regime } from './policy.types';
import { compileRule, memoText, toNumber, type CompiledRule, type SlotRule, type Slots } from './rule-compiler';
import { isValidDate, workingDaysBetweenValid } from './working-days';
import { compulsoryLine } from './year-verdict';

/** Returns the failure message, or null when the condition holds. */
export type CompiledCondition = (params: Readonly<Record<string, ParamValue>>) => string | null;

/** A condition working on an activity's slots. */
export type SlotCondition = (slots: Slots) => string | null;

/** Copies a declaration's parameters into slots, in the kind's slot order. */
export type SlotReader = (params: Readonly<Record<string, ParamValue>>, slots: Slots) => void;

/** The subject a kind's hours go to: PUBLIC, PROFESSIONAL (also SPLIT kinds' single amounts), or placed later. */
export const SUBJECT_PUBLIC = 0;
export const SUBJECT_PROFESSIONAL = 1;
export const SUBJECT_FLEXIBLE = 2;
export type SubjectCode = typeof SUBJECT_PUBLIC | typeof SUBJECT_PROFESSIONAL | typeof SUBJECT_FLEXIBLE;

export interface CompiledKind {
  code: string;
  spec: KindSpec;
  /** The rule on a declaration's parameters (reads them into fresh slots; not the hot path). */
  rule: CompiledRule;
  conditions: CompiledCondition[];
  requiredParams: { name: string; label: string }[];
  years: ReadonlySet<number> | null;
  series: ReadonlySet<TitleSeries> | null;
  /** Cap labels, built once. */
  perYearCapName: string;
  lifetimeCapName: string;
  /** Whether its hours can depend on the other activities' order (caps, groups, evidence…). */
  orderSensitive: boolean;
  /** Has a fromYear, years or series restriction. */
  limited: boolean;
  /** For deemComplete kinds: the exemption's reason, built once. */
  deemReason: string;

  /**
   * Copies of spec fields the hot loop reads. Specs come from the policy file with a shape per
   * kind (optional keys present or not), so reading them in shared code is a slow generic
   * lookup; compiled kinds all have one shape.
   */
  source: string;
  fromYear: number | undefined;
  chosenYear: boolean;
  compulsory: boolean;
  /** Parameter names, one per slot: required ones first, then those rules and conditions read. */
  slotNames: readonly string[];
  /** Generated for this kind: fills slots from a declaration. */
  read: SlotReader;
  /** Scratch slots of this kind (evaluation is single-threaded; filled and used within one rule run). */
  slots: Slots;
  slotRule: SlotRule;
  slotConditions: SlotCondition[];
  /** Required parameters' slots (0…n−1) and their "missing" notes, built once. */
  requiredCount: number;
  missingNotes: readonly string[];
  /** Notes for the year limits, built once. */
  beforeFromYearNote: string;
  notInYearsNote: string;
  seriesNote: string;
  subjectCode: SubjectCode;
  /** Co-author split: slots of the author count and position, or -1. */
  authorsSlot: number;
  positionSlot: number;
  /** "Counts once" key of a declaration ("kind|value|…"), or null when the kind has none. */
  evidenceKey: ((params: Readonly<Record<string, ParamValue>>) => string) | null;
  /** countsOnce with scope EVER. */
  evidenceEver: boolean;
  /** Index of its used-hours counter among the version's capped kinds, or -1. */
  capSlot: number;
  perYearCap: number | undefined;
  lifetimeCap: number | undefined;
  /** Index of its group among the version's groups, or -1 (no group, or the group is not defined). */
  groupSlot: number;
  groupCapPublic: number | undefined;
  groupCapProfessional: number | undefined;
  groupCapNamePublic: string;
  groupCapNameProfessional: string;
  groupCapNameFlexible: string;
}

export interface CompiledVersion {
  spec: PolicyVersion;
  unit: string;
  /** Copies of spec fields the hot path reads (version specs differ in shape, see CompiledKind). */
  regime: Regime;
  credits: boolean;
  requirementPublic: number;
  requirementProfessional: number;
  compulsory: readonly CompulsorySpec[];
  profileRules: readonly ProfileRule[] | undefined;
  kinds: ReadonlyMap<string, CompiledKind>;
  hasCountsOnce: boolean;
  /** "<group>:<PUBLIC|PROFESSIONAL|FLEXIBLE>" → the cap's Chinese name, built once. */
  groupCapNames: ReadonlyMap<string, string>;
  /** Kinds with caps (their capSlot) and groups used by kinds (their groupSlot). */
  cappedKindCount: number;
  groupCount: number;
  /** Reason line of each compulsory set (as spec.compulsory), memoised by the hours credited to it. */
  compulsoryLines: ((got: number) => string)[];
  /** Kinds by code (null prototype): a plain property read is cheaper than Map#get in the hot loop. */
  kindByCode: Readonly<Record<string, CompiledKind | undefined>>;
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  versions: CompiledVersion[];
  /** Latest version whose fromYear ≤ year, or undefined before the first one. */
  versionFor(year: number): CompiledVersion | undefined;
  /** 'YYYY-MM-DD' of the policy's yearly deadline (cached: built once per year). */
  annualDeadline(year: number): string;
  /** Whether annualDeadline(year) is Dec 31 of that year (cached with it). */
  annualDeadlineIsYearEnd(year: number): boolean;
}

const cache = new WeakMap<PolicyDocument, CompiledPolicy>();

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const hit = cache.get(doc);
  if (hit) return hit;
  // Compiled in a separate function: its closures would otherwise make every call (every
  // evaluation, cache hit or not) allocate their context.
  const compiled = compileDocument(doc);
  cache.set(doc, compiled);
  return compiled;
}

function compileDocument(doc: PolicyDocument): CompiledPolicy {
  const versions = [...doc.versions].sort((a, b) => a.fromYear - b.fromYear).map(compileVersion);
  const first = versions.length > 0 ? versions[0].spec.fromYear : 0;
  // Small year → version and year → deadline arrays keep the lookups to one index in the hot path.
  const span = 200;
  const byYear: (CompiledVersion | undefined)[] = [];
  for (let i = 0; i < span; i++) byYear.push(findVersion(versions, first + i));
  const deadlines = new Map<number, string>();
  const deadlineOf = (year: number) => {
    let d = deadlines.get(year);
    if (d === undefined) {
      d = `${year}-${doc.deadline.monthDay}`;
      deadlines.set(year, d);
    }
    return d;
  };
  const nearDeadlines: string[] = [];
  const nearYearEnds: boolean[] = [];
  for (let i = 0; i < span; i++) {
    const d = deadlineOf(first + i);
    nearDeadlines.push(d);
    nearYearEnds.push(isYearEnd(d, first + i));
  }
  const compiled: CompiledPolicy = {
    doc,
    versions,
    annualDeadline(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? nearDeadlines[i] : deadlineOf(year);
    },
    annualDeadlineIsYearEnd(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? nearYearEnds[i] : isYearEnd(deadlineOf(year), year);
    },
    versionFor(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? byYear[i] : findVersion(versions, year);
    },
  };
  return compiled;
}

/** The deadline is Dec 31 of the year (then a date inside the year is never after it). */
export function isYearEnd(deadline: string, year: number): boolean {
  return deadline.length === 10 && deadline.endsWith('-12-31') && deadline.startsWith(String(year));
}

function findVersion(versions: CompiledVersion[], year: number): CompiledVersion | undefined {
  let found: CompiledVersion | undefined;
  for (const v of versions) if (v.spec.fromYear <= year) found = v;
  return found;
}

/** The policy version in force for a year (versions are chosen by their fromYear). */
export function versionForYear(policy: PolicyDocument, year: number): PolicyVersion | undefined {
  return compilePolicy(policy).versionFor(year)?.spec;
}

function compileVersion(spec: PolicyVersion): CompiledVersion {
  const unit = spec.regime === 'CREDITS' ? '学分' : '学时';
  const groupCapNames = new Map<string, string>();
  for (const [code, g] of Object.entries(spec.groups ?? {})) {
    const pub = g.caps.PUBLIC;
    const prof = g.caps.PROFESSIONAL;
    if (pub !== undefined) groupCapNames.set(`${code}:PUBLIC`, `${g.name}：公需科目每年不超过${pub}${unit}`);
    if (prof !== undefined) groupCapNames.set(`${code}:PROFESSIONAL`, `${g.name}：专业科目每年不超过${prof}${unit}`);
    const parts = [pub !== undefined ? `公需科目不超过${pub}${unit}` : '', prof !== undefined ? `专业科目不超过${prof}${unit}` : ''].filter(Boolean);
    groupCapNames.set(`${code}:FLEXIBLE`, `${g.name}：合计可抵${parts.join('、')}`);
  }
  const counters: VersionCounters = { capped: 0, groups: new Map() };
  const kinds = new Map<string, CompiledKind>();
  for (const [code, kind] of Object.entries(spec.kinds)) kinds.set(code, compileKind(code, kind, unit, spec, groupCapNames, counters));
  const hasCountsOnce = Object.values(spec.kinds).some((k) => k.countsOnce !== undefined);
  const compulsoryLines = (spec.compulsory ?? []).map((c) => memoText((got) => compulsoryLine(c, unit, got)));
  const kindByCode: Record<string, CompiledKind | undefined> = Object.create(null);
  for (const [code, kind] of kinds) kindByCode[code] = kind;
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

interface VersionCounters {
  capped: number;
  groups: Map<string, number>;
}

function compileKind(
  code: string,
  spec: KindSpec,
  unit: string,
  version: PolicyVersion,
  groupCapNames: ReadonlyMap<string, string>,
  counters: VersionCounters,
): CompiledKind {
  const labels = new Map<string, string>();
  for (const p of spec.params) {
    labels.set(p.name, p.label);
    for (const o of p.values ?? []) labels.set(o.value, o.label);
  }
  if (spec.rule.type === 'table') {
    for (const [k, v] of Object.entries(spec.rule.table.labels ?? {})) labels.set(k, v);
  }
  const requiredParams = spec.params.filter((p) => p.required).map((p) => ({ name: p.name, label: p.label }));
  // Required parameters take the first slots, one each even when a name repeats, so that
  // the check walks slots 0…n−1 in the declared order with the declared label.
  const slotNames: string[] = requiredParams.map((p) => p.name);
  const slotOf = (name: string) => {
    let i = slotNames.indexOf(name);
    if (i < 0) {
      i = slotNames.length;
      slotNames.push(name);
    }
    return i;
  };
  const slotRule = compileRule(spec.rule, unit, labels, slotOf);
  const slotConditions = (spec.conditions ?? []).map((c) => compileCondition(c, slotOf));
  const authorsSlot = spec.split ? slotOf(spec.split.authorsParam) : -1;
  const positionSlot = spec.split ? slotOf(spec.split.positionParam) : -1;
  const read = makeReader(slotNames);
  const slots: Slots = [];
  for (let i = 0; i < slotNames.length; i++) slots.push(undefined);
  const fresh = () => {
    const s: Slots = [];
    for (let i = 0; i < slotNames.length; i++) s.push(undefined);
    return s;
  };

  const caps = spec.caps;
  const groupCode = spec.group;
  const group: GroupSpec | undefined = groupCode === undefined ? undefined : version.groups?.[groupCode];
  let groupSlot = -1;
  if (groupCode !== undefined && group !== undefined) {
    groupSlot = counters.groups.get(groupCode) ?? counters.groups.size;
    counters.groups.set(groupCode, groupSlot);
  }
  const years = spec.years ? new Set(spec.years) : null;
  const subjectCode: SubjectCode = spec.subject === 'FLEXIBLE' ? SUBJECT_FLEXIBLE : spec.subject === 'PUBLIC' ? SUBJECT_PUBLIC : SUBJECT_PROFESSIONAL;

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
    deemReason: spec.rule.type === 'deemComplete' ? `${spec.name}：${deemText(spec.rule.scope, spec.rule.exempt)}` : '',
    limited: spec.fromYear !== undefined || spec.years !== undefined || spec.series !== undefined,
    orderSensitive:
      spec.caps !== undefined || spec.group !== undefined || spec.subject === 'FLEXIBLE' || spec.countsOnce !== undefined || spec.rule.type === 'deemComplete',

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
function makeReader(names: readonly string[]): SlotReader {
  if (names.length === 0) return () => {};
  const body = names.map((name, i) => `s[${i}] = p[${JSON.stringify(name)}];`).join('\n');
  try {
    return new Function('p', 's', `"use strict";\n${body}`) as SlotReader;
  } catch {
    return (params, s) => {
      for (let i = 0; i < names.length; i++) s[i] = params[names[i]];
    };
  }
}

/** "kind|value|…" with each value as text, trimmed (missing values as empty text). */
function makeEvidenceKey(code: string, keyParams: readonly string[]): (params: Readonly<Record<string, ParamValue>>) => string {
  const parts = keyParams.map((name) => ` + "|" + String(p[${JSON.stringify(name)}] ?? "").trim()`).join('');
  try {
    return new Function('p', `"use strict";\nreturn ${JSON.stringify(code)}${parts};`) as (params: Readonly<Record<string, ParamValue>>) => string;
  } catch {
    return (params) => {
      let key = code;
      for (const name of keyParams) key += `|${String(params[name] ?? '').trim()}`;
      return key;
    };
  }
}

function deemText(scope: 'YEAR' | 'PUBLIC' | 'PROFESSIONAL', exempt: boolean): string {
  const what = scope === 'YEAR' ? '当年继续教育' : scope === 'PUBLIC' ? '当年公需科目' : '当年专业科目';
  return exempt ? `免${what}` : `视同完成${what}`;
}

function compileCondition(c: ConditionSpec, slotOf: (name: string) => number): SlotCondition {
  const check = compileCheck(c, slotOf);
  const when = c.when;
  if (!when) return check;
  const whenSlot = slotOf(when.param);
  const among = when.in;
  return (s) => (among.includes(s[whenSlot] as string | number | boolean) ? check(s) : null);
}

function compileCheck(c: ConditionSpec, slotOf: (name: string) => number): SlotCondition {
  const message = c.message;
  const slot = slotOf(c.param);
  switch (c.check) {
    case 'min': {
      const value = c.value;
      return c.exclusive
        ? (s) => (toNumber(s[slot]) > value ? null : message)
        : (s) => (toNumber(s[slot]) >= value ? null : message);
    }
    case 'max': {
      const value = c.value;
      return (s) => (toNumber(s[slot]) <= value ? null : message);
    }
    case 'equals': {
      const value = c.value;
      return (s) => (s[slot] === value ? null : message);
    }
    case 'notIn': {
      const values = c.values;
      return (s) => (!values.includes(String(s[slot])) ? null : message);
    }
    case 'workingDaysBefore': {
      const before = slotOf(c.beforeParam);
      const days = c.days;
      return (s) => {
        const filed = s[slot];
        const start = s[before];
        if (typeof filed !== 'string' || typeof start !== 'string' || !isValidDate(filed) || !isValidDate(start)) return message;
        return workingDaysBetweenValid(filed, start) >= days ? null : message;
      };
    }
  }
}
