// Compiles one rule of the policy vocabulary into a closure, once per policy version,
// so that evaluating an activity is a few lookups with no parsing and few allocations.
// Explanation texts that do not depend on the declaration are built here, ahead of time.
import type { AxisSpec, ParamValue, RuleSpec, Subject } from './policy.types';

/** Scratch the compiled rule writes into; reused across activities (no allocation per call). */
export interface RuleOut {
  /** Hours (or credits) for single-subject and flexible kinds. */
  amount: number;
  /** proRata rules yield both subjects. */
  split: Record<Subject, number> | null;
  deem: 'YEAR' | Subject | null;
  exempt: boolean;
  text: string;
  note: string | null;
}

export type CompiledRule = (params: Readonly<Record<string, ParamValue>>, out: RuleOut) => void;

export function newRuleOut(): RuleOut {
  return { amount: 0, split: null, deem: null, exempt: false, text: '', note: null };
}

export function toNumber(value: ParamValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

export function compileRule(rule: RuleSpec, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  switch (rule.type) {
    case 'fixed':
      return compileFixed(rule, unit, labels);
    case 'actualHours':
      return compileActual(rule, unit, labels);
    case 'lookup': {
      const texts = new Map(Object.entries(rule.values).map(([k, v]) => [k, `${labels.get(k) ?? k}：${v}${unit}`]));
      return (params, out) => {
        const key = String(params[rule.param]);
        const v = rule.values[key];
        out.amount = v ?? 0;
        out.text = texts.get(key) ?? `“${labels.get(rule.param) ?? rule.param}”不在折算表内：0${unit}`;
      };
    }
    case 'table':
      return compileTable(rule, unit, labels);
    case 'brackets':
      return compileBrackets(rule, unit, labels);
    case 'proRata': {
      const { PUBLIC: pub, PROFESSIONAL: prof } = rule.perYear;
      return (params, out) => {
        const months = Math.min(12, Math.max(0, toNumber(params[rule.monthsParam]) || 0));
        // Whole hours, rounded down: the documents give no rounding rule (product decision).
        const split = { PUBLIC: Math.floor((pub * months) / 12), PROFESSIONAL: Math.floor((prof * months) / 12) };
        out.split = split;
        out.amount = split.PUBLIC + split.PROFESSIONAL;
        out.text =
          months >= 12
            ? `全年按公需科目${pub}${unit}、专业科目${prof}${unit}认定`
            : `${months}个月，按月份比例：公需${pub}×${months}/12=${split.PUBLIC}${unit}，专业${prof}×${months}/12=${split.PROFESSIONAL}${unit}`;
      };
    }
    case 'deemComplete': {
      const what = rule.scope === 'YEAR' ? '当年继续教育' : rule.scope === 'PUBLIC' ? '当年公需科目' : '当年专业科目';
      const text = rule.exempt ? `免${what}` : `视同完成${what}`;
      return (_params, out) => {
        out.amount = 0;
        out.deem = rule.scope;
        out.exempt = rule.exempt;
        out.text = text;
      };
    }
  }
}

function compileFixed(rule: Extract<RuleSpec, { type: 'fixed' }>, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  const divisor = rule.divisor ?? 1;
  if (!rule.perParam) {
    const text = `每项${rule.hours}${unit}`;
    const amount = Math.floor(rule.hours / divisor);
    return (_params, out) => {
      out.amount = amount;
      out.text = text;
    };
  }
  const per = rule.perParam;
  const perLabel = labels.get(per) ?? per;
  return (params, out) => {
    const count = Math.max(0, Math.floor(toNumber(params[per]) || 0));
    const raw = rule.hours * count;
    out.amount = Math.floor(raw / divisor);
    out.text =
      divisor === 1
        ? `${perLabel}${count}×${rule.hours}${unit}=${out.amount}${unit}`
        : `${perLabel}${count}×${rule.hours}学时=${raw}学时，每${divisor}学时折1${unit}：${out.amount}${unit}`;
  };
}

function compileActual(rule: Extract<RuleSpec, { type: 'actualHours' }>, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  const divisor = rule.divisor ?? 1;
  const { hoursParam, daysParam, maxPerDay } = rule;
  return (params, out) => {
    const claimed = Math.max(0, toNumber(params[hoursParam]) || 0);
    let hours = claimed;
    let text = `按实际${labels.get(hoursParam) ?? '学时'}：${claimed}学时`;
    if (daysParam && maxPerDay !== undefined) {
      const days = toNumber(params[daysParam]);
      if (days >= 0 && claimed > days * maxPerDay) {
        hours = days * maxPerDay;
        text = `按实际学时，每天不超过${maxPerDay}学时：${days}天×${maxPerDay}=${hours}学时（申报${claimed}学时）`;
      }
    }
    if (divisor !== 1) {
      const converted = Math.floor(hours / divisor);
      out.amount = converted;
      out.text = `${text}，每${divisor}学时折1${unit}：${converted}${unit}`;
      return;
    }
    out.amount = hours;
    out.text = text;
  };
}

type AxisReader = (params: Readonly<Record<string, ParamValue>>) => string | undefined;

function compileAxis(axis: AxisSpec): AxisReader {
  if ('fixed' in axis) {
    const v = axis.fixed;
    return () => v;
  }
  if ('param' in axis) {
    const { param, map } = axis;
    return map ? (params) => map[String(params[param])] ?? String(params[param]) : (params) => String(params[param]);
  }
  const { rankParam, bands } = axis.byRank;
  return (params) => {
    const rank = toNumber(params[rankParam]);
    for (const band of bands) {
      if (band.maxRank === undefined || rank <= band.maxRank) return band.value;
    }
    return undefined;
  };
}

function compileTable(rule: Extract<RuleSpec, { type: 'table' }>, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  const { rows, columns, cells } = rule.table;
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(columns.map((c, i) => [c, i]));
  const values = rows.map((r) => columns.map((c) => cells[r]?.[c] ?? null));
  const label = (code: string) => labels.get(code) ?? code;
  const texts = rows.map((r, ri) => columns.map((c, ci) => `${label(r)}${label(c)}：${values[ri][ci] ?? 0}${unit}`));
  const readRow = compileAxis(rule.row);
  const readCol = compileAxis(rule.column);
  const down = rule.downgrade;
  return (params, out) => {
    let ri = rowIndex.get(readRow(params) ?? '') ?? -1;
    let ci = colIndex.get(readCol(params) ?? '') ?? -1;
    if (ri < 0 || ci < 0) {
      out.amount = 0;
      out.text = `不在折算表内：0${unit}`;
      return;
    }
    if (down) {
      const rank = toNumber(params[down.rankParam]);
      if (rank >= down.fromRank) {
        const baseText = texts[ri][ci];
        if (down.shift === 'row') ri += down.by;
        else ci += down.by;
        if (ri < 0 || ri >= rows.length || ci < 0 || ci >= columns.length) {
          out.amount = down.offTable ?? 0;
          out.text = `${baseText}；第${rank}位按下一级，已无下一级：${out.amount}${unit}`;
          return;
        }
        out.amount = values[ri][ci] ?? 0;
        out.text = `${baseText}；第${rank}位按下一${down.shift === 'row' ? '级' : '等次'}：${texts[ri][ci]}`;
        return;
      }
    }
    out.amount = values[ri][ci] ?? 0;
    out.text = values[ri][ci] === null ? `${label(rows[ri])}${label(columns[ci])}：表中无此项，0${unit}` : texts[ri][ci];
  };
}

function compileBrackets(rule: Extract<RuleSpec, { type: 'brackets' }>, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  const what = labels.get(rule.param) ?? rule.param;
  const texts = rule.brackets.map((b, i) => {
    const lower = i === 0 ? undefined : rule.brackets[i - 1].below;
    const range =
      lower === undefined ? `不满${b.below}` : b.below === undefined ? `满${lower}以上` : `满${lower}不满${b.below}`;
    return `${what}${range}：${b.hours}${unit}`;
  });
  const beyond = rule.beyond;
  return (params, out) => {
    const value = toNumber(params[rule.param]);
    if (!(value >= 0)) {
      out.amount = 0;
      out.text = `${what}无效：0${unit}`;
      return;
    }
    if (beyond && value > beyond.from) {
      const last = rule.brackets[rule.brackets.length - 1].hours;
      const steps = Math.floor((value - beyond.from) / beyond.every);
      out.amount = last + steps * beyond.add;
      out.text = `${what}${value}：超过${beyond.from}后每满${beyond.every}加${beyond.add}，${last}+${steps}×${beyond.add}=${out.amount}${unit}`;
      return;
    }
    for (let i = 0; i < rule.brackets.length; i++) {
      const b = rule.brackets[i];
      if (b.below === undefined || value < b.below) {
        out.amount = b.hours;
        out.text = texts[i];
        return;
      }
    }
    out.amount = 0;
    out.text = `${what}超出折算表：0${unit}`;
  };
}
