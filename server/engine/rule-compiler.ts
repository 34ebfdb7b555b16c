// Compiles one rule of the policy vocabulary into a closure, once per policy version,
// so that evaluating an activity is a few lookups with no parsing and few allocations.
// Rules read an activity's parameters from slots (an array the kind's generated reader
// fills, see policy-compiler), never from the declaration object itself: one shape of
// array for every kind keeps those reads fast, where ~60 kinds' parameter objects made
// every params[name] a slow generic lookup. Explanation texts that do not depend on the
// declaration are built here, ahead of time; the others are memoised by their numbers.
import type { AxisSpec, ParamValue, RuleSpec, Subject } from './policy.types';

/** One activity's parameter values, in the order its kind's slot list gives. */
export type Slots = (ParamValue | undefined)[];

/** Scratch the compiled rule writes into; reused across activities (no allocation per call). */
export interface RuleOut {
  /** Hours (or credits) for single-subject and flexible kinds; both subjects' sum for proRata. */
  amount: number;
  /** proRata rules yield both subjects: splitPublic and splitProfessional are then set. */
  hasSplit: boolean;
  splitPublic: number;
  splitProfessional: number;
  deem: 'YEAR' | Subject | null;
  exempt: boolean;
  text: string;
  note: string | null;
}

/** A rule working on an activity's slots. */
export type SlotRule = (slots: Slots, out: RuleOut) => void;

/** A rule working on a declaration's parameters (reads them into slots first). */
export type CompiledRule = (params: Readonly<Record<string, ParamValue>>, out: RuleOut) => void;

/** Index of a parameter's slot, assigned on first use (by the kind compiler). */
export type SlotOf = (param: string) => number;

export function newRuleOut(): RuleOut {
  return { amount: 0, hasSplit: false, splitPublic: 0, splitProfessional: 0, deem: null, exempt: false, text: '', note: null };
}

export function toNumber(value: ParamValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

export function compileRule(rule: RuleSpec, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  switch (rule.type) {
    case 'fixed':
      return compileFixed(rule, unit, labels, slotOf);
    case 'actualHours':
      return compileActual(rule, unit, labels, slotOf);
    case 'lookup':
      return compileLookup(rule, unit, labels, slotOf);
    case 'table':
      return compileTable(rule, unit, labels, slotOf);
    case 'brackets':
      return compileBrackets(rule, unit, labels, slotOf);
    case 'proRata': {
      const { PUBLIC: pub, PROFESSIONAL: prof } = rule.perYear;
      const slot = slotOf(rule.monthsParam);
      const describe = memoText((months: number) =>
        months >= 12
          ? `全年按公需科目${pub}${unit}、专业科目${prof}${unit}认定`
          : `${months}个月，按月份比例：公需${pub}×${months}/12=${Math.floor((pub * months) / 12)}${unit}，专业${prof}×${months}/12=${Math.floor((prof * months) / 12)}${unit}`,
      );
      return (s, out) => {
        const months = Math.min(12, Math.max(0, toNumber(s[slot]) || 0));
        // Whole hours, rounded down: the documents give no rounding rule (product decision).
        const p = Math.floor((pub * months) / 12);
        const q = Math.floor((prof * months) / 12);
        out.hasSplit = true;
        out.splitPublic = p;
        out.splitProfessional = q;
        out.amount = p + q;
        out.text = describe(months);
      };
    }
    case 'deemComplete': {
      const what = rule.scope === 'YEAR' ? '当年继续教育' : rule.scope === 'PUBLIC' ? '当年公需科目' : '当年专业科目';
      const text = rule.exempt ? `免${what}` : `视同完成${what}`;
      const scope = rule.scope;
      const exempt = rule.exempt;
      return (_s, out) => {
        out.amount = 0;
        out.deem = scope;
        out.exempt = exempt;
        out.text = text;
      };
    }
  }
}

function compileLookup(rule: Extract<RuleSpec, { type: 'lookup' }>, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  const slot = slotOf(rule.param);
  const values = rule.values;
  // One Map lookup gives both the value and its explanation.
  const entries = new Map<string, { amount: number; text: string }>();
  for (const [k, v] of Object.entries(values)) entries.set(k, { amount: v ?? 0, text: `${labels.get(k) ?? k}：${v}${unit}` });
  const outside = `“${labels.get(rule.param) ?? rule.param}”不在折算表内：0${unit}`;
  return (s, out) => {
    const key = String(s[slot]);
    const hit = entries.get(key);
    if (hit !== undefined) {
      out.amount = hit.amount;
      out.text = hit.text;
      return;
    }
    // Not a value of the table (as before, an inherited property of the object still reads).
    out.amount = (values as Record<string, number | undefined>)[key] ?? 0;
    out.text = outside;
  };
}

function compileFixed(rule: Extract<RuleSpec, { type: 'fixed' }>, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  const divisor = rule.divisor ?? 1;
  const hours = rule.hours;
  if (!rule.perParam) {
    const text = `每项${hours}${unit}`;
    const amount = Math.floor(hours / divisor);
    return (_s, out) => {
      out.amount = amount;
      out.text = text;
    };
  }
  const per = rule.perParam;
  const slot = slotOf(per);
  const perLabel = labels.get(per) ?? per;
  const describe = memoText((count: number) => {
    const raw = hours * count;
    const amount = Math.floor(raw / divisor);
    return divisor === 1
      ? `${perLabel}${count}×${hours}${unit}=${amount}${unit}`
      : `${perLabel}${count}×${hours}学时=${raw}学时，每${divisor}学时折1${unit}：${amount}${unit}`;
  });
  return (s, out) => {
    const count = Math.max(0, Math.floor(toNumber(s[slot]) || 0));
    out.amount = Math.floor((hours * count) / divisor);
    out.text = describe(count);
  };
}

function compileActual(rule: Extract<RuleSpec, { type: 'actualHours' }>, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  const divisor = rule.divisor ?? 1;
  const { hoursParam, daysParam, maxPerDay } = rule;
  const hoursSlot = slotOf(hoursParam);
  const what = labels.get(hoursParam) ?? '学时';
  const converted = (text: string, hours: number) => (divisor === 1 ? text : `${text}，每${divisor}学时折1${unit}：${Math.floor(hours / divisor)}${unit}`);
  // The whole explanation, memoised by the claimed hours (and the days, when the per-day ceiling applies).
  const plain = memoText((claimed: number) => converted(`按实际${what}：${claimed}学时`, claimed));
  if (!daysParam || maxPerDay === undefined) {
    return (s, out) => {
      const claimed = Math.max(0, toNumber(s[hoursSlot]) || 0);
      out.amount = divisor === 1 ? claimed : Math.floor(claimed / divisor);
      out.text = plain(claimed);
    };
  }
  const daysSlot = slotOf(daysParam);
  const ceiling = memoText2((days: number, claimed: number) => {
    const hours = days * maxPerDay;
    return converted(`按实际学时，每天不超过${maxPerDay}学时：${days}天×${maxPerDay}=${hours}学时（申报${claimed}学时）`, hours);
  });
  return (s, out) => {
    const claimed = Math.max(0, toNumber(s[hoursSlot]) || 0);
    const days = toNumber(s[daysSlot]);
    if (days >= 0 && claimed > days * maxPerDay) {
      const hours = days * maxPerDay;
      out.amount = divisor === 1 ? hours : Math.floor(hours / divisor);
      out.text = ceiling(days, claimed);
      return;
    }
    out.amount = divisor === 1 ? claimed : Math.floor(claimed / divisor);
    out.text = plain(claimed);
  };
}

/**
 * Explanations depend on a few small numbers that repeat (hours, modules): building each
 * string once keeps number formatting out of the hot loop. Bounded, so memory stays small.
 */
export function memoText(build: (n: number) => string): (n: number) => string {
  // Small whole numbers (almost all of them) index an array; others go through a Map.
  const small: (string | undefined)[] = [];
  for (let i = 0; i < SMALL; i++) small.push(undefined);
  const memo = new Map<number, string>();
  return (n) => {
    if (n >= 0 && n < SMALL && (n | 0) === n) {
      let text = small[n];
      if (text === undefined) {
        text = build(n);
        small[n] = text;
      }
      return text;
    }
    let text = memo.get(n);
    if (text === undefined) {
      text = build(n);
      if (memo.size < 1024) memo.set(n, text);
    }
    return text;
  };
}

/** Whole numbers below this are memoised in arrays. */
const SMALL = 256;

/** memoText for two numbers (e.g. days and claimed hours); bounded in total. */
export function memoText2(build: (a: number, b: number) => string): (a: number, b: number) => string {
  const memo = new Map<number, Map<number, string>>();
  let size = 0;
  // Small whole numbers index arrays (a row per first number), as in memoText.
  const rows: ((string | undefined)[] | undefined)[] = [];
  for (let i = 0; i < SMALL; i++) rows.push(undefined);
  return (a, b) => {
    if (a >= 0 && a < SMALL && (a | 0) === a && b >= 0 && b < SMALL && (b | 0) === b) {
      let row = rows[a];
      if (row === undefined) {
        row = [];
        for (let i = 0; i < SMALL; i++) row.push(undefined);
        rows[a] = row;
      }
      let text = row[b];
      if (text === undefined) {
        text = build(a, b);
        row[b] = text;
      }
      return text;
    }
    let inner = memo.get(a);
    let text = inner?.get(b);
    if (text === undefined) {
      text = build(a, b);
      if (size < 4096) {
        if (inner === undefined) {
          inner = new Map<number, string>();
          memo.set(a, inner);
        }
        inner.set(b, text);
        size++;
      }
    }
    return text;
  };
}

/** Reads an axis of a table as the index of its row or column, -1 when it is not one. */
type AxisIndex = (s: Slots) => number;

function compileAxis(axis: AxisSpec, index: ReadonlyMap<string, number>, slotOf: SlotOf): AxisIndex {
  if ('fixed' in axis) {
    const i = index.get(axis.fixed) ?? -1;
    return () => i;
  }
  if ('param' in axis) {
    const slot = slotOf(axis.param);
    const map = axis.map;
    if (map === undefined) return (s) => index.get(String(s[slot])) ?? -1;
    return (s) => {
      const raw = String(s[slot]);
      // As before: a value the map does not name is looked up as it is.
      return index.get(map[raw] ?? raw) ?? -1;
    };
  }
  const { rankParam, bands } = axis.byRank;
  const slot = slotOf(rankParam);
  const maxRanks = bands.map((band) => band.maxRank);
  const bandIndex = bands.map((band) => index.get(band.value) ?? -1);
  // No band for the rank: the empty code, which names no row or column.
  const none = index.get('') ?? -1;
  return (s) => {
    const rank = toNumber(s[slot]);
    for (let i = 0; i < maxRanks.length; i++) {
      const max = maxRanks[i];
      if (max === undefined || rank <= max) return bandIndex[i];
    }
    return none;
  };
}

function compileTable(rule: Extract<RuleSpec, { type: 'table' }>, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  const { rows, columns, cells } = rule.table;
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(columns.map((c, i) => [c, i]));
  const values = rows.map((r) => columns.map((c) => cells[r]?.[c] ?? null));
  const label = (code: string) => labels.get(code) ?? code;
  const texts = rows.map((r, ri) =>
    columns.map((c, ci) => (values[ri][ci] === null ? `${label(r)}${label(c)}：表中无此项，0${unit}` : `${label(r)}${label(c)}：${values[ri][ci]}${unit}`)),
  );
  const readRow = compileAxis(rule.row, rowIndex, slotOf);
  const readCol = compileAxis(rule.column, colIndex, slotOf);
  const outside = `不在折算表内：0${unit}`;
  const amounts = values.map((row) => row.map((v) => v ?? 0));
  const down = rule.downgrade;
  if (!down) {
    return (s, out) => {
      const ri = readRow(s);
      const ci = readCol(s);
      if (ri < 0 || ci < 0) {
        out.amount = 0;
        out.text = outside;
        return;
      }
      out.amount = amounts[ri][ci];
      out.text = texts[ri][ci];
    };
  }
  // Downgraded amounts and explanations are fixed per cell too: "…；第4位及以后按下一等次：…".
  const step = down.shift === 'row' ? '级' : '等次';
  const downAmounts: number[][] = [];
  const downTexts: string[][] = [];
  for (let ri = 0; ri < rows.length; ri++) {
    downAmounts.push([]);
    downTexts.push([]);
    for (let ci = 0; ci < columns.length; ci++) {
      const r = down.shift === 'row' ? ri + down.by : ri;
      const c = down.shift === 'column' ? ci + down.by : ci;
      const lead = `${texts[ri][ci]}；第${down.fromRank}位及以后按下一${step}`;
      const off = r < 0 || r >= rows.length || c < 0 || c >= columns.length;
      downAmounts[ri].push(off ? (down.offTable ?? 0) : (values[r][c] ?? 0));
      downTexts[ri].push(off ? `${lead}，已无下一${step}：${down.offTable ?? 0}${unit}` : `${lead}：${texts[r][c]}`);
    }
  }
  const rankSlot = slotOf(down.rankParam);
  const fromRank = down.fromRank;
  return (s, out) => {
    const ri = readRow(s);
    const ci = readCol(s);
    if (ri < 0 || ci < 0) {
      out.amount = 0;
      out.text = outside;
      return;
    }
    if (toNumber(s[rankSlot]) >= fromRank) {
      out.amount = downAmounts[ri][ci];
      out.text = downTexts[ri][ci];
      return;
    }
    out.amount = amounts[ri][ci];
    out.text = texts[ri][ci];
  };
}

function compileBrackets(rule: Extract<RuleSpec, { type: 'brackets' }>, unit: string, labels: ReadonlyMap<string, string>, slotOf: SlotOf): SlotRule {
  const what = labels.get(rule.param) ?? rule.param;
  const slot = slotOf(rule.param);
  const brackets = rule.brackets;
  const texts = brackets.map((b, i) => {
    const lower = i === 0 ? undefined : brackets[i - 1].below;
    const range =
      lower === undefined ? `不满${b.below}` : b.below === undefined ? `满${lower}以上` : `满${lower}不满${b.below}`;
    return `${what}${range}：${b.hours}${unit}`;
  });
  const belows = brackets.map((b) => b.below);
  const hours = brackets.map((b) => b.hours);
  const invalid = `${what}无效：0${unit}`;
  const beyondTable = `${what}超出折算表：0${unit}`;
  const beyond = rule.beyond;
  const last = brackets.length > 0 ? brackets[brackets.length - 1].hours : 0;
  const beyondText = beyond
    ? memoText((value: number) => {
        const steps = Math.floor((value - beyond.from) / beyond.every);
        return `${what}${value}：超过${beyond.from}后每满${beyond.every}加${beyond.add}，${last}+${steps}×${beyond.add}=${last + steps * beyond.add}${unit}`;
      })
    : null;
  return (s, out) => {
    const value = toNumber(s[slot]);
    if (!(value >= 0)) {
      out.amount = 0;
      out.text = invalid;
      return;
    }
    if (beyond && beyondText && value > beyond.from) {
      const steps = Math.floor((value - beyond.from) / beyond.every);
      out.amount = last + steps * beyond.add;
      out.text = beyondText(value);
      return;
    }
    for (let i = 0; i < belows.length; i++) {
      const below = belows[i];
      if (below === undefined || value < below) {
        out.amount = hours[i];
        out.text = texts[i];
        return;
      }
    }
    out.amount = 0;
    out.text = beyondTable;
  };
}
