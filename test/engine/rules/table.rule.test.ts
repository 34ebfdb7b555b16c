// Rule type `table`: row × column tables with rank bands and downgrades (Binzhou results,
// papers and books: 004 附件 一、(二)–(三)).
import { tableRule, type LookupTable, type TableRuleSpec } from '../../../server/engine/rules/table.rule';
import { evaluateRule } from '../support/rule.harness';

const table: LookupTable = {
  rows: ['city', 'national'],
  columns: ['first', 'second'],
  cells: { city: { first: 25, second: 20 }, national: { first: 40, second: null } },
  labels: { city: '市级', national: '国家级', first: '一等奖', second: '二等奖' },
};
const byLevelAndGrade: TableRuleSpec = { type: 'table', table, row: { param: 'level' }, column: { param: 'grade' } };

describe('rule type table', () => {
  it('gives the cell of the declared row and column', () => {
    expect(evaluateRule(tableRule, byLevelAndGrade, { level: 'national', grade: 'first' })).toMatchObject({ amount: 40, text: '国家级一等奖：40学时' });
  });

  it('gives 0 for an empty cell or a value outside the table', () => {
    expect(evaluateRule(tableRule, byLevelAndGrade, { level: 'national', grade: 'second' })).toMatchObject({
      amount: 0,
      text: '国家级二等奖：表中无此项，0学时',
    });
    expect(evaluateRule(tableRule, byLevelAndGrade, { level: 'county', grade: 'first' })).toMatchObject({ amount: 0, text: '不在折算表内：0学时' });
  });

  it('names rows and columns by the table’s labels before the kind’s', () => {
    const out = evaluateRule(tableRule, byLevelAndGrade, { level: 'city', grade: 'first' }, { labels: { city: '城市', level: '级别' } });
    expect(out.text).toBe('市级一等奖：25学时');
  });

  it('reads an axis through a map, as a fixed value, or by rank bands', () => {
    const mapped: TableRuleSpec = { ...byLevelAndGrade, column: { param: 'grade', map: { '1': 'first' } } };
    expect(evaluateRule(tableRule, mapped, { level: 'city', grade: '1' }).amount).toBe(25);
    expect(evaluateRule(tableRule, mapped, { level: 'city', grade: 'second' }).amount).toBe(20);
    const fixed: TableRuleSpec = { ...byLevelAndGrade, column: { fixed: 'second' } };
    expect(evaluateRule(tableRule, fixed, { level: 'city' }).amount).toBe(20);
    const ranked: TableRuleSpec = {
      ...byLevelAndGrade,
      column: { byRank: { rankParam: 'rank', bands: [{ maxRank: 3, value: 'first' }, { value: 'second' }] } },
    };
    expect(evaluateRule(tableRule, ranked, { level: 'city', rank: 2 }).amount).toBe(25);
    expect(evaluateRule(tableRule, ranked, { level: 'city', rank: 7 }).amount).toBe(20);
  });

  it('downgrades later authors by a column, 0 when no lower grade is listed', () => {
    const spec: TableRuleSpec = { ...byLevelAndGrade, downgrade: { rankParam: 'rank', fromRank: 4, shift: 'column', by: 1 } };
    expect(evaluateRule(tableRule, spec, { level: 'city', grade: 'first', rank: 3 }).amount).toBe(25);
    expect(evaluateRule(tableRule, spec, { level: 'city', grade: 'first', rank: 4 })).toMatchObject({
      amount: 20,
      text: '市级一等奖：25学时；第4位及以后按下一等次：市级二等奖：20学时',
    });
    expect(evaluateRule(tableRule, spec, { level: 'city', grade: 'second', rank: 4 })).toMatchObject({
      amount: 0,
      text: '市级二等奖：20学时；第4位及以后按下一等次，已无下一等次：0学时',
    });
  });

  it('downgrades later authors by a row, with the off-table value at the lowest level (county rank ≥ 4 → 5)', () => {
    const spec: TableRuleSpec = { ...byLevelAndGrade, downgrade: { rankParam: 'rank', fromRank: 4, shift: 'row', by: -1, offTable: 5 } };
    expect(evaluateRule(tableRule, spec, { level: 'national', grade: 'first', rank: 5 })).toMatchObject({
      amount: 25,
      text: '国家级一等奖：40学时；第4位及以后按下一级：市级一等奖：25学时',
    });
    expect(evaluateRule(tableRule, spec, { level: 'city', grade: 'first', rank: 4 })).toMatchObject({
      amount: 5,
      text: '市级一等奖：25学时；第4位及以后按下一级，已无下一级：5学时',
    });
  });

  it('reads the axes’ parameters and the downgrade’s rank', () => {
    const spec: TableRuleSpec = {
      type: 'table',
      table,
      row: { param: 'level' },
      column: { byRank: { rankParam: 'rank', bands: [{ value: 'first' }] } },
      downgrade: { rankParam: 'rank', fromRank: 4, shift: 'row', by: -1 },
    };
    expect(tableRule.params(spec)).toEqual([
      { path: ['row', 'param'], name: 'level' },
      { path: ['column', 'byRank', 'rankParam'], name: 'rank' },
      { path: ['downgrade', 'rankParam'], name: 'rank' },
    ]);
    expect(tableRule.params({ ...spec, column: { fixed: 'first' }, downgrade: undefined })).toEqual([{ path: ['row', 'param'], name: 'level' }]);
  });

  it('checks that every row × column is present and nothing else', () => {
    expect(tableRule.check(byLevelAndGrade)).toEqual([]);
    const broken: LookupTable = {
      rows: ['city', 'national', 'provincial'],
      columns: ['first', 'second'],
      cells: { city: { first: 25 }, national: { first: 40, second: null, third: 1 }, county: { first: 1, second: 1 } },
    };
    expect(tableRule.check({ ...byLevelAndGrade, table: broken })).toEqual([
      { path: ['table', 'cells', 'city', 'second'], message: '缺少表格单元格，应为数字（无值的格写 null）' },
      { path: ['table', 'cells', 'national', 'third'], message: '表格中没有“third”这一列，应为 first、second 之一' },
      { path: ['table', 'cells', 'provincial'], message: '缺少表格行“provincial”，应有 first、second 各列（无值的格写 null）' },
      { path: ['table', 'cells', 'county'], message: '表格中没有“county”这一行，应为 city、national、provincial 之一' },
    ]);
  });
});
