// A policy file given as text is checked as the files in tenants/ are, and each problem is
// placed at its line and column, so the console can point at it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPolicyFile } from '../../server/policy/policy-file-check';

const jining = readFileSync(path.resolve(__dirname, '../../tenants/jining.yaml'), 'utf8');
const lines = jining.split('\n');
/** The text with line `n` (1-based) replaced. */
const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
const problems = (text: string, code = 'jining') => {
  const r = checkPolicyFile(text, code);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

it('a file of tenants/ passes and gives its document', () => {
  const r = checkPolicyFile(jining, 'jining');
  expect(r.ok && r.document.code).toBe('jining');
});

it('a YAML syntax error is at its line and column, with no path', () => {
  const [p] = problems(withLine(4, 'name: 济宁市: 又一个'));
  expect(p).toMatchObject({ line: 4, path: null });
  expect(p!.message).toMatch(/^YAML 语法错误：/);
});

it('a key given twice is refused at the second one', () => {
  const text = [...lines.slice(0, 4), 'name: 重复', ...lines.slice(4)].join('\n');
  expect(problems(text)).toEqual([expect.objectContaining({ line: 5, column: 1, path: null })]);
});

it('a schema problem is at the value at fault, with its path and the Chinese message of the files', () => {
  const n = lineOf('caps: { perYear: 20 }');
  const text = withLine(n, lines[n - 1]!.replace('perYear: 20', 'perYear: abc'));
  expect(problems(text)).toEqual([
    { line: n, column: lines[n - 1]!.indexOf('20') + 1, path: 'versions[1].kinds.publicCompulsory.caps.perYear', message: '类型错误，应为数字，实际为文字' },
  ]);
});

it('a missing key is shown at the map that should hold it', () => {
  const n = lineOf('deadline: { monthDay');
  const [p] = problems(withLine(n, 'deadline: { monthDay: "12-31" }'));
  expect(p).toMatchObject({ line: n, column: 'deadline: '.length + 1, path: 'deadline.source' });
});

it('a problem inside an anchored block reused by aliases is shown in the anchor', () => {
  const n = lineOf('hours: &hours {');
  const [p] = problems(withLine(n, lines[n - 1]!.replace('min: 0', 'min: zero')));
  expect(p!.line).toBe(n);
  expect(p!.path).toMatch(/params\[0\]\.min$/);
});

it('the code must be the tenant’s being created', () => {
  expect(problems(jining, 'other')).toEqual([expect.objectContaining({ line: lineOf('code: jining'), column: 7, path: 'code' })]);
});
