// Turns a policy document into closures once (per document object and working-day calendar,
// cached), so the per-year evaluation only looks things up. Adding a tenant adds data, not code here;
// each kind is compiled by kind-compiler, its rule by its rule type (rules/).
import { citeDocument } from './citations';
import { compileKind, type CompiledKind, type VersionCounters } from './kind-compiler';
import { memoText } from './memo-text';
import type { CompulsorySpec, PolicyDocument, PolicyVersion, ProfileRule, Regime } from './policy.types';
import { compulsoryLine } from './reason-lines';
import { EMPTY_CALENDAR, indexCalendarWithClosures, type CalendarIndex, type WorkingCalendar } from './working-calendar';

export interface CompiledVersion {
  /** The version in its cited form (see citations.ts): what explanations are built from. */
  spec: PolicyVersion;
  /** The version as published (citations by key): what the API shows and a bureau edits. */
  published: PolicyVersion;
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
  /** The document with every citation as explanations show it (compiles to this same object). */
  cited: PolicyDocument;
  versions: CompiledVersion[];
  /** Latest version whose fromYear ≤ year, or undefined before the first one. */
  versionFor(year: number): CompiledVersion | undefined;
  /** 'YYYY-MM-DD' of the policy's yearly deadline (cached: built once per year). */
  annualDeadline(year: number): string;
  /** Whether annualDeadline(year) is Dec 31 of that year (cached with it). */
  annualDeadlineIsYearEnd(year: number): boolean;
  /** The working-day calendar the conditions count with, with the document's closures. */
  calendar: CalendarIndex;
}

/**
 * Compiled policies of a document, one per working-day calendar (working-day conditions are
 * compiled with theirs): the one used last, checked first, and all of them.
 */
interface CacheEntry {
  calendar: WorkingCalendar;
  compiled: CompiledPolicy;
  byCalendar: WeakMap<WorkingCalendar, CompiledPolicy>;
}

const cache = new WeakMap<PolicyDocument, CacheEntry>();

/** The document compiled with a calendar (without one, no working day can be counted). */
export function compilePolicy(doc: PolicyDocument, calendar: WorkingCalendar = EMPTY_CALENDAR): CompiledPolicy {
  const entry = cache.get(doc);
  if (entry !== undefined && entry.calendar === calendar) return entry.compiled;
  // In a separate function: its closures would otherwise make every call (every evaluation,
  // cache hit or not) allocate their context.
  return compileAndRemember(doc, calendar, entry);
}

function compileAndRemember(doc: PolicyDocument, calendar: WorkingCalendar, entry: CacheEntry | undefined): CompiledPolicy {
  const compiled = entry?.byCalendar.get(calendar) ?? compileDocument(doc, calendar);
  for (const key of [doc, compiled.cited]) {
    const e = cache.get(key);
    if (e === undefined) {
      const byCalendar = new WeakMap<WorkingCalendar, CompiledPolicy>();
      byCalendar.set(calendar, compiled);
      cache.set(key, { calendar, compiled, byCalendar });
    } else {
      e.byCalendar.set(calendar, compiled);
      e.calendar = calendar;
      e.compiled = compiled;
    }
  }
  return compiled;
}

function compileDocument(doc: PolicyDocument, workingCalendar: WorkingCalendar): CompiledPolicy {
  const cited = citeDocument(doc);
  const calendar = indexCalendarWithClosures(workingCalendar, doc.calendar?.closures);
  const order = doc.versions.map((_, i) => i).sort((a, b) => doc.versions[a]!.fromYear - doc.versions[b]!.fromYear);
  const versions = order.map((i) => compileVersion(cited.versions[i]!, doc.versions[i]!, calendar));
  const first = versions[0]?.spec.fromYear ?? 0;
  // Small year → version and year → deadline arrays keep the lookups to one index in the hot path.
  const span = 200;
  const byYear: (CompiledVersion | undefined)[] = [];
  for (let i = 0; i < span; i++) byYear.push(findVersion(versions, first + i));
  const deadlines = new Map<number, string>();
  const deadlineOf = (year: number) => {
    let d = deadlines.get(year);
    if (d === undefined) {
      d = `${year}-${deadlineMonthDay(doc.deadline.monthDay, year)}`;
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
  // Below, 0 ≤ i < span indexes the arrays just filled.
  const compiled: CompiledPolicy = {
    doc,
    cited,
    versions,
    calendar,
    annualDeadline(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? nearDeadlines[i]! : deadlineOf(year);
    },
    annualDeadlineIsYearEnd(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? nearYearEnds[i]! : isYearEnd(deadlineOf(year), year);
    },
    versionFor(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? byYear[i] : findVersion(versions, year);
    },
  };
  return compiled;
}

/** A deadline of 02-29 (accepted by the policy schema) is 28 February in a common year. */
export function deadlineMonthDay(monthDay: string, year: number): string {
  if (monthDay !== '02-29') return monthDay;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? monthDay : '02-28';
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

/** The policy version in force for a year (versions are chosen by their fromYear), as published. */
export function versionForYear(policy: PolicyDocument, year: number): PolicyVersion | undefined {
  // Versions do not depend on the calendar: any compilation of the document will do.
  return (cache.get(policy)?.compiled ?? compilePolicy(policy)).versionFor(year)?.published;
}

function compileVersion(spec: PolicyVersion, published: PolicyVersion, calendar: CalendarIndex): CompiledVersion {
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
  for (const [code, kind] of Object.entries(spec.kinds)) kinds.set(code, compileKind(code, kind, unit, spec, groupCapNames, counters, calendar));
  const hasCountsOnce = Object.values(spec.kinds).some((k) => k.countsOnce !== undefined);
  const compulsoryLines = (spec.compulsory ?? []).map((c) => memoText((got) => compulsoryLine(c, unit, got)));
  const kindByCode = Object.create(null) as Record<string, CompiledKind | undefined>;
  for (const [code, kind] of kinds) kindByCode[code] = kind;
  return {
    spec,
    published,
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
