// Rule type `table`: hours from a row × column table, each axis read from a parameter, fixed,
// or banded by the author's rank, with an optional downgrade for later authors. Binzhou
// (004 附件 一、(二)–(三); credit regime 附件 二、(五)–(六)): results by level and prize
// (graded awards: rank ≥ 4 the next lower grade; ungraded awards by rank bands; appraised
// results and patents: rank ≥ 4 the next lower level, county rank ≥ 4 → 5), papers, books
// and exchange papers by level.
import type { Slots, SlotOf } from '../slots';
import { toNumber } from '../slots';
import { defineRule, paramRefs, type RuleIssue } from './rule';

/** Where a table row or column comes from. */
export type AxisSpec =
  | { param: string; map?: Record<string, string> }
  | { fixed: string }
  | { byRank: { rankParam: string; bands: { maxRank?: number; value: string }[] } };

export interface LookupTable {
  rows: string[];
  columns: string[];
  /** Every row × column must be present; null marks a cell the document leaves empty ("—"). */
  cells: Record<string, Record<string, number | null>>;
  /** Chinese names of rows and columns, for explanations. */
  labels?: Record<string, string>;
}

export interface Downgrade {
  rankParam: string;
  fromRank: number;
  shift: 'row' | 'column';
  /** Offset in the listed order: +1 column = next lower grade, −1 row = next lower level. */
  by: number;
  /** Value when the shift leaves the table (Binzhou: county appraised result, rank ≥ 4 → 5). */
  offTable?: number;
}

export type TableRuleSpec = { type: 'table'; table: LookupTable; row: AxisSpec; column: AxisSpec; downgrade?: Downgrade };

export const tableRule = defineRule<TableRuleSpec>({
  type: 'table',
  params: (rule) => paramRefs(axisRef('row', rule.row), axisRef('column', rule.column), [['downgrade', 'rankParam'], rule.downgrade?.rankParam]),
  check: (rule) => checkTable(rule.table),

  compile(rule, { unit, labels: kindLabels, slotOf }) {
    const { rows, columns, cells } = rule.table;
    // The table's own names of rows and columns come before the kind's parameter labels.
    const labels = new Map(kindLabels);
    for (const [k, v] of Object.entries(rule.table.labels ?? {})) labels.set(k, v);
    const rowIndex = new Map(rows.map((r, i) => [r, i]));
    const colIndex = new Map(columns.map((c, i) => [c, i]));
    const values = rows.map((r) => columns.map((c) => cellOf(cells, r, c)));
    const label = (code: string) => labels.get(code) ?? code;
    const texts = rows.map((r) =>
      columns.map((c) => {
        const v = cellOf(cells, r, c);
        return v === null ? `${label(r)}${label(c)}：表中无此项，0${unit}` : `${label(r)}${label(c)}：${v}${unit}`;
      }),
    );
    const readRow = compileAxis(rule.row, rowIndex, slotOf);
    const readCol = compileAxis(rule.column, colIndex, slotOf);
    const outside = `不在折算表内：0${unit}`;
    const amounts = values.map((row) => row.map((v) => v ?? 0));
    const down = rule.downgrade;
    // In the evaluations below, ri and ci are indices of rows and columns (compileAxis gives -1 otherwise).
    if (!down) {
      return (s, out) => {
        const ri = readRow(s);
        const ci = readCol(s);
        if (ri < 0 || ci < 0) {
          out.amount = 0;
          out.text = outside;
          return;
        }
        out.amount = amounts[ri]![ci]!;
        out.text = texts[ri]![ci]!;
      };
    }
    // Downgraded amounts and explanations are fixed per cell too: "…；第4位及以后按下一等次：…".
    const step = down.shift === 'row' ? '级' : '等次';
    const offTable = down.offTable ?? 0;
    const downAmounts: number[][] = [];
    const downTexts: string[][] = [];
    texts.forEach((rowTexts, ri) => {
      const amountRow: number[] = [];
      const textRow: string[] = [];
      rowTexts.forEach((text, ci) => {
        const r = down.shift === 'row' ? ri + down.by : ri;
        const c = down.shift === 'column' ? ci + down.by : ci;
        const lead = `${text}；第${down.fromRank}位及以后按下一${step}`;
        const off = r < 0 || r >= rows.length || c < 0 || c >= columns.length;
        amountRow.push(off ? offTable : (values[r]?.[c] ?? 0));
        textRow.push(off ? `${lead}，已无下一${step}：${offTable}${unit}` : `${lead}：${texts[r]?.[c]}`);
      });
      downAmounts.push(amountRow);
      downTexts.push(textRow);
    });
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
        out.amount = downAmounts[ri]![ci]!;
        out.text = downTexts[ri]![ci]!;
        return;
      }
      out.amount = amounts[ri]![ci]!;
      out.text = texts[ri]![ci]!;
    };
  },
});

/** A cell of the table, null when empty or absent (own rows and columns only). */
function cellOf(cells: LookupTable['cells'], row: string, column: string): number | null {
  const r = Object.hasOwn(cells, row) ? cells[row] : undefined;
  return r !== undefined && Object.hasOwn(r, column) ? (r[column] ?? null) : null;
}

/** The parameter an axis reads, if any, and where the axis names it. */
function axisRef(name: 'row' | 'column', axis: AxisSpec): [string[], string | undefined] {
  if ('param' in axis) return [[name, 'param'], axis.param];
  if ('byRank' in axis) return [[name, 'byRank', 'rankParam'], axis.byRank.rankParam];
  return [[name], undefined];
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
      // A value the map does not name (its own names only) is looked up as it is.
      return index.get(Object.hasOwn(map, raw) ? map[raw]! : raw) ?? -1;
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
      if (max === undefined || rank <= max) return bandIndex[i]!;
    }
    return none;
  };
}

/** Every row × column present, and no cell outside them (paths inside the rule spec). */
function checkTable(table: LookupTable): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const row of table.rows) {
    const cells = Object.hasOwn(table.cells, row) ? table.cells[row] : undefined;
    if (cells === undefined) {
      issues.push({ path: ['table', 'cells', row], message: `缺少表格行“${row}”，应有 ${table.columns.join('、')} 各列（无值的格写 null）` });
      continue;
    }
    for (const column of table.columns) {
      if (!Object.hasOwn(cells, column)) issues.push({ path: ['table', 'cells', row, column], message: `缺少表格单元格，应为数字（无值的格写 null）` });
    }
    for (const column of Object.keys(cells)) {
      if (!table.columns.includes(column)) {
        issues.push({ path: ['table', 'cells', row, column], message: `表格中没有“${column}”这一列，应为 ${table.columns.join('、')} 之一` });
      }
    }
  }
  for (const row of Object.keys(table.cells)) {
    if (!table.rows.includes(row)) issues.push({ path: ['table', 'cells', row], message: `表格中没有“${row}”这一行，应为 ${table.rows.join('、')} 之一` });
  }
  return issues;
}
