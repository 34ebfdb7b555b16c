// Turns a policy document into closures once (per document object, cached), so the
// per-year evaluation only looks things up. Adding a tenant adds data, not code here.
import type { TitleSeries } from '../platform/titles';
import type { ConditionSpec, KindSpec, ParamValue, PolicyDocument, PolicyVersion } from './policy.types';
import { compileRule, toNumber, type CompiledRule } from './rule-compiler';
import { isValidDate, workingDaysBetween } from './working-days';

/** Returns the failure message, or null when the condition holds. */
export type CompiledCondition = (params: Readonly<Record<string, ParamValue>>) => string | null;

export interface CompiledKind {
  code: string;
  spec: KindSpec;
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
}

export interface CompiledVersion {
  spec: PolicyVersion;
  unit: string;
  kinds: ReadonlyMap<string, CompiledKind>;
  hasCountsOnce: boolean;
  /** "<group>:<PUBLIC|PROFESSIONAL|FLEXIBLE>" → the cap's Chinese name, built once. */
  groupCapNames: ReadonlyMap<string, string>;
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  versions: CompiledVersion[];
  /** Latest version whose fromYear ≤ year, or undefined before the first one. */
  versionFor(year: number): CompiledVersion | undefined;
  /** 'YYYY-MM-DD' of the policy's yearly deadline (cached: built once per year). */
  annualDeadline(year: number): string;
}

const cache = new WeakMap<PolicyDocument, CompiledPolicy>();

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const hit = cache.get(doc);
  if (hit) return hit;
  const versions = [...doc.versions].sort((a, b) => a.fromYear - b.fromYear).map(compileVersion);
  const first = versions.length > 0 ? versions[0].spec.fromYear : 0;
  // A small year → version array keeps the lookup to one index in the hot path.
  const span = 200;
  const byYear: (CompiledVersion | undefined)[] = [];
  for (let i = 0; i < span; i++) byYear.push(findVersion(versions, first + i));
  const deadlines = new Map<number, string>();
  const compiled: CompiledPolicy = {
    doc,
    versions,
    annualDeadline(year: number) {
      let d = deadlines.get(year);
      if (d === undefined) {
        d = `${year}-${doc.deadline.monthDay}`;
        deadlines.set(year, d);
      }
      return d;
    },
    versionFor(year: number) {
      const i = year - first;
      return i >= 0 && i < span ? byYear[i] : findVersion(versions, year);
    },
  };
  cache.set(doc, compiled);
  return compiled;
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
  const kinds = new Map<string, CompiledKind>();
  for (const [code, kind] of Object.entries(spec.kinds)) kinds.set(code, compileKind(code, kind, unit));
  const hasCountsOnce = Object.values(spec.kinds).some((k) => k.countsOnce !== undefined);
  const groupCapNames = new Map<string, string>();
  for (const [code, g] of Object.entries(spec.groups ?? {})) {
    const pub = g.caps.PUBLIC;
    const prof = g.caps.PROFESSIONAL;
    if (pub !== undefined) groupCapNames.set(`${code}:PUBLIC`, `${g.name}：公需科目每年不超过${pub}${unit}`);
    if (prof !== undefined) groupCapNames.set(`${code}:PROFESSIONAL`, `${g.name}：专业科目每年不超过${prof}${unit}`);
    const parts = [pub !== undefined ? `公需科目不超过${pub}${unit}` : '', prof !== undefined ? `专业科目不超过${prof}${unit}` : ''].filter(Boolean);
    groupCapNames.set(`${code}:FLEXIBLE`, `${g.name}：合计可抵${parts.join('、')}`);
  }
  return { spec, unit, kinds, hasCountsOnce, groupCapNames };
}

function compileKind(code: string, spec: KindSpec, unit: string): CompiledKind {
  const labels = new Map<string, string>();
  for (const p of spec.params) {
    labels.set(p.name, p.label);
    for (const o of p.values ?? []) labels.set(o.value, o.label);
  }
  if (spec.rule.type === 'table') {
    for (const [k, v] of Object.entries(spec.rule.table.labels ?? {})) labels.set(k, v);
  }
  return {
    code,
    spec,
    rule: compileRule(spec.rule, unit, labels),
    conditions: (spec.conditions ?? []).map(compileCondition),
    requiredParams: spec.params.filter((p) => p.required).map((p) => ({ name: p.name, label: p.label })),
    years: spec.years ? new Set(spec.years) : null,
    series: spec.series ? new Set(spec.series) : null,
    perYearCapName: `“${spec.name}”每年不超过${spec.caps?.perYear ?? 0}${unit}`,
    lifetimeCapName: `“${spec.name}”累计不超过${spec.caps?.lifetime ?? 0}${unit}`,
    deemReason: spec.rule.type === 'deemComplete' ? `${spec.name}：${deemText(spec.rule.scope, spec.rule.exempt)}` : '',
    limited: spec.fromYear !== undefined || spec.years !== undefined || spec.series !== undefined,
    orderSensitive:
      spec.caps !== undefined || spec.group !== undefined || spec.subject === 'FLEXIBLE' || spec.countsOnce !== undefined || spec.rule.type === 'deemComplete',
  };
}

function deemText(scope: 'YEAR' | 'PUBLIC' | 'PROFESSIONAL', exempt: boolean): string {
  const what = scope === 'YEAR' ? '当年继续教育' : scope === 'PUBLIC' ? '当年公需科目' : '当年专业科目';
  return exempt ? `免${what}` : `视同完成${what}`;
}

function compileCondition(c: ConditionSpec): CompiledCondition {
  const message = c.message;
  const when = c.when;
  const applies = when
    ? (params: Readonly<Record<string, ParamValue>>) => when.in.includes(params[when.param] as string | number | boolean)
    : () => true;
  switch (c.check) {
    case 'min':
      return (params) => {
        if (!applies(params)) return null;
        const v = toNumber(params[c.param]);
        return (c.exclusive ? v > c.value : v >= c.value) ? null : message;
      };
    case 'max':
      return (params) => (!applies(params) || toNumber(params[c.param]) <= c.value ? null : message);
    case 'equals':
      return (params) => (!applies(params) || params[c.param] === c.value ? null : message);
    case 'notIn':
      return (params) => (!applies(params) || !c.values.includes(String(params[c.param])) ? null : message);
    case 'workingDaysBefore':
      return (params) => {
        if (!applies(params)) return null;
        const filed = params[c.param];
        const start = params[c.beforeParam];
        if (typeof filed !== 'string' || typeof start !== 'string' || !isValidDate(filed) || !isValidDate(start)) return message;
        return workingDaysBetween(filed, start) >= c.days ? null : message;
      };
  }
}
