// Compiles one activity kind of a policy version: its rule (by its rule type, see rules/),
// its conditions, caps, group and "counts once" key, into one object the hot loop reads.
//
// Parameters are read once per activity into slots by a reader made for its kind: the
// ~60 kinds each give their declaration objects their own shape, so reading params[name]
// in shared code (rules, conditions) was a slow generic lookup at every read. Each kind's
// reader is its own small generated function (new Function, once per policy version), so
// its reads see one shape and stay fast; rules and conditions then work on the slots.
import { compileCondition, type CompiledCondition, type SlotCondition } from './condition-compiler';
import type { GroupSpec, KindSpec, ParamValue, PolicyVersion, TitleClassSpec } from './policy.types';
import { ruleTypeOf } from './rules/registry';
import type { RuleOut, SlotRule } from './rules/rule';
import type { Slots } from './slots';
import type { CalendarIndex } from './working-calendar';
import { TITLE_LEVEL_LABELS, type TitleLevel, type TitleSeries } from './titles';

/** A rule working on a declaration's parameters (reads them into slots first). */
export type CompiledRule = (params: Readonly<Record<string, ParamValue>>, out: RuleOut) => void;

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
  /** For kinds whose rule deems a year or subject complete: the exemption's reason, built once. */
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
  /** A class for the current title level (see CurrentLevelClassSpec): its slot (or -1), class → levels, the refusal note. */
  currentClassSlot: number;
  currentClassLevels: ReadonlyMap<string, ReadonlySet<TitleLevel>> | null;
  currentClassNote: ((level: TitleLevel, value: string) => string) | null;
  /** A class at a title level (see TitleClassSpec): the spec and the slots of its level and hours, or null / -1. */
  titleClass: TitleClassSpec | null;
  titleLevelSlot: number;
  titleHoursSlot: number;
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

/** Numbering shared by the kinds of one version: capped kinds' counters and groups' slots. */
export interface VersionCounters {
  capped: number;
  groups: Map<string, number>;
}

export function compileKind(
  code: string,
  spec: KindSpec,
  unit: string,
  version: PolicyVersion,
  groupCapNames: ReadonlyMap<string, string>,
  counters: VersionCounters,
  calendar: CalendarIndex,
): CompiledKind {
  const labels = new Map<string, string>();
  for (const p of spec.params) {
    labels.set(p.name, p.label);
    for (const o of p.values ?? []) labels.set(o.value, o.label);
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
  const ruleType = ruleTypeOf(spec.rule);
  const slotRule = ruleType.compile(spec.rule, { unit, labels, slotOf });
  const slotConditions = (spec.conditions ?? []).map((c) => compileCondition(c, slotOf, calendar));
  const authorsSlot = spec.split ? slotOf(spec.split.authorsParam) : -1;
  const positionSlot = spec.split ? slotOf(spec.split.positionParam) : -1;
  const currentClass = spec.currentLevelClass;
  const currentClassSlot = currentClass ? slotOf(currentClass.param) : -1;
  const titleClass = spec.titleClass ?? null;
  const titleLevelSlot = titleClass ? slotOf(titleClass.levelParam) : -1;
  const titleHoursSlot = titleClass?.hoursParam !== undefined ? slotOf(titleClass.hoursParam) : -1;
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
  const groups = version.groups;
  const group: GroupSpec | undefined = groupCode !== undefined && groups !== undefined && Object.hasOwn(groups, groupCode) ? groups[groupCode] : undefined;
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
    deemReason: ruleType.exemptionReason(spec.rule, spec.name),
    limited: spec.fromYear !== undefined || spec.years !== undefined || spec.series !== undefined,
    orderSensitive:
      spec.caps !== undefined || spec.group !== undefined || spec.subject === 'FLEXIBLE' || spec.countsOnce !== undefined || ruleType.orderSensitive,

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
    currentClassSlot,
    currentClassLevels: currentClass ? new Map(Object.entries(currentClass.classes).map(([value, levels]) => [value, new Set(levels)])) : null,
    currentClassNote: currentClass
      ? (level: TitleLevel, value: string) =>
          `公需科目须按现有职称级别（${TITLE_LEVEL_LABELS[level]}）报名学习，所学“${labels.get(value) ?? value}”不是本人对应的班级，不计${unit}（${currentClass.source}）`
      : null,
    titleClass,
    titleLevelSlot,
    titleHoursSlot,
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
    // Generated on purpose (see above): the names are JSON literals, nothing else is emitted.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function('p', 's', `"use strict";\n${body}`) as SlotReader;
  } catch {
    return (params, s) => {
      names.forEach((name, i) => {
        s[i] = params[name];
      });
    };
  }
}

/** "kind|value|…" with each value as text, trimmed (missing values as empty text). */
function makeEvidenceKey(code: string, keyParams: readonly string[]): (params: Readonly<Record<string, ParamValue>>) => string {
  const parts = keyParams.map((name) => ` + "|" + String(p[${JSON.stringify(name)}] ?? "").trim()`).join('');
  try {
    // Generated for the same reason as the slot readers; the names are JSON literals.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function('p', `"use strict";\nreturn ${JSON.stringify(code)}${parts};`) as (params: Readonly<Record<string, ParamValue>>) => string;
  } catch {
    return (params) => {
      let key = code;
      for (const name of keyParams) key += `|${String(params[name] ?? '').trim()}`;
      return key;
    };
  }
}
