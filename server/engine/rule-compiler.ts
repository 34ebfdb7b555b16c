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
      const describe = memoText((months: number) =>
        months >= 12
          ? `全年按公需科目${pub}${unit}、专业科目${prof}${unit}认定`
          : `${months}个月，按月份比例：公需${pub}×${months}/12=${Math.floor((pub * months) / 12)}${unit}，专业${prof}×${months}/12=${Math.floor((prof * months) / 12)}${unit}`,
      );
      return (params, out) => {
        const months = Math.min(12, Math.max(0, toNumber(params[rule.monthsParam]) || 0));
        // Whole hours, rounded down: the documents give no rounding rule (product decision).
        const split = { PUBLIC: Math.floor((pub * months) / 12), PROFESSIONAL: Math.floor((prof * months) / 12) };
        out.split = split;
        out.amount = split.PUBLIC + split.PROFESSIONAL;
        out.text = describe(months);
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
  const describe = memoText((count: number) => {
    const raw = rule.hours * count;
    const amount = Math.floor(raw / divisor);
    return divisor === 1
      ? `${perLabel}${count}×${rule.hours}${unit}=${amount}${unit}`
      : `${perLabel}${count}×${rule.hours}学时=${raw}学时，每${divisor}学时折1${unit}：${amount}${unit}`;
  });
  return (params, out) => {
    const count = Math.max(0, Math.floor(toNumber(params[per]) || 0));
    out.amount = Math.floor((rule.hours * count) / divisor);
    out.text = describe(count);
  };
}

function compileActual(rule: Extract<RuleSpec, { type: 'actualHours' }>, unit: string, labels: ReadonlyMap<string, string>): CompiledRule {
  const divisor = rule.divisor ?? 1;
  const { hoursParam, daysParam, maxPerDay } = rule;
  const what = labels.get(hoursParam) ?? '学时';
  const plain = memoText((claimed: number) => `按实际${what}：${claimed}学时`);
  return (params, out) => {
    const claimed = Math.max(0, toNumber(params[hoursParam]) || 0);
    let hours = claimed;
    let text = plain(claimed);
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

/**
 * Explanations depend on a few small numbers that repeat (hours, modules): building each
 * string once keeps number formatting out of the hot loop. Bounded, so memory stays small.
 */
function memoText(build: (n: number) => string): (n: number) => string {
  const memo = new Map<number, string>();
  return (n) => {
    let text = memo.get(n);
    if (text === undefined) {
      text = build(n);
      if (memo.size < 1024) memo.set(n, text);
    }
    return text;
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
  const texts = rows.map((r, ri) =>
    columns.map((c, ci) => (values[ri][ci] === null ? `${label(r)}${label(c)}：表中无此项，0${unit}` : `${label(r)}${label(c)}：${values[ri][ci]}${unit}`)),
  );
  const readRow = compileAxis(rule.row);
  const readCol = compileAxis(rule.column);
  const down = rule.downgrade;
  // Downgraded explanations are fixed per cell too: "…；第4位及以后按下一等次：…".
  const step = down?.shift === 'row' ? '级' : '等次';
  const downTexts = down
    ? rows.map((_, ri) =>
        columns.map((_, ci) => {
          const r = down.shift === 'row' ? ri + down.by : ri;
          const c = down.shift === 'column' ? ci + down.by : ci;
          const lead = `${texts[ri][ci]}；第${down.fromRank}位及以后按下一${step}`;
          if (r < 0 || r >= rows.length || c < 0 || c >= columns.length) return `${lead}，已无下一${step}：${down.offTable ?? 0}${unit}`;
          return `${lead}：${texts[r][c]}`;
        }),
      )
    : null;
  const outside = `不在折算表内：0${unit}`;
  return (params, out) => {
    let ri = rowIndex.get(readRow(params) ?? '') ?? -1;
    let ci = colIndex.get(readCol(params) ?? '') ?? -1;
    if (ri < 0 || ci < 0) {
      out.amount = 0;
      out.text = outside;
      return;
    }
    if (down && downTexts && toNumber(params[down.rankParam]) >= down.fromRank) {
      out.text = downTexts[ri][ci];
      if (down.shift === 'row') ri += down.by;
      else ci += down.by;
      out.amount = ri < 0 || ri >= rows.length || ci < 0 || ci >= columns.length ? (down.offTable ?? 0) : (values[ri][ci] ?? 0);
      return;
    }
    out.amount = values[ri][ci] ?? 0;
    out.text = texts[ri][ci];
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
