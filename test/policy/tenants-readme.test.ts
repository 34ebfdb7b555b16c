// tenants/README.md lists every rule of DOMAIN.md §2–§4 and of the seeds, with the policy
// element that encodes it and the test that proves it. This test keeps those tables true:
// a test file or test name that no longer exists, a YAML path that no longer resolves, a row
// with neither a test nor "**no test**" (and why), or a kind no row mentions, fails here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../..');
const README = 'tenants/README.md';

interface Row {
  /** "README.md:123 (Q5)" — where to look when the row is reported. */
  where: string;
  id: string;
  rule: string;
  element: string;
  test: string;
}

/** Cells of a markdown table line: `| a | b |` → ['a', 'b'] (a `\|` stays inside its cell). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

const isSeparator = (line: string) => /^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line.trim());

/** The rows of every table whose header has a "Test" column. */
function ruleRows(markdown: string): { tables: number; rows: Row[] } {
  const lines = markdown.split('\n');
  const rows: Row[] = [];
  let tables = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.trim().startsWith('|') || !isSeparator(lines[i + 1]!)) continue;
    const header = cells(lines[i]!);
    const col = (name: string) => header.findIndex((h) => h.toLowerCase().startsWith(name));
    const [idCol, ruleCol, elementCol, testCol] = [col('#'), col('rule'), col('policy element'), col('test')];
    let j = i + 2;
    if (testCol >= 0) {
      tables++;
      for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) {
        const c = cells(lines[j]!);
        const id = c[idCol] ?? '';
        rows.push({ where: `${README}:${j + 1} (${id})`, id, rule: c[ruleCol] ?? '', element: c[elementCol] ?? '', test: c[testCol] ?? '' });
      }
    }
    i = j - 1;
  }
  return { tables, rows };
}

/** `test/…/x.test.ts` › "name" — a name ends at its closing quote before " (", "<br>" or the end of the cell. */
const TEST_REF = /`(test\/[^`\s]+\.test\.ts)` › "(.+?)"(?=\s*(?:\(|<br>|$))/g;
/** `tenants/x.yaml path.to[0].element` (the path may be left out: the whole file). */
const POLICY_REF = /`(tenants\/[a-z0-9-]+\.ya?ml)(?: ([^`]+))?`/g;
const SERVER_REF = /`(server\/[^`\s]+\.ts)`/g;
const NO_TEST = '**no test**';
const NO_TEST_REASON = /\*\*no test\*\*\s*[—–-]\s*(not applicable|outside the engine|missing|engine disagrees)\s*:\s*\S/;

const markdown = readFileSync(join(root, README), 'utf8');
const { tables, rows } = ruleRows(markdown);

const fileCache = new Map<string, string | null>();
function fileText(path: string): string | null {
  if (!fileCache.has(path)) fileCache.set(path, existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null);
  return fileCache.get(path)!;
}

const yamlCache = new Map<string, unknown>();
function policyFile(path: string): unknown {
  if (!yamlCache.has(path)) yamlCache.set(path, parse(readFileSync(join(root, path), 'utf8'), { maxAliasCount: 1000 }));
  return yamlCache.get(path);
}

/** `versions[1].kinds.award.downgrade` → the value at that path, or undefined. */
function resolve(doc: unknown, path: string): unknown {
  let value = doc;
  for (const segment of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (m === null) return undefined;
    const keys: (string | number)[] = [m[1]!, ...[...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))];
    for (const key of keys) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
  }
  return value;
}

describe('tenants/README.md: each DOMAIN.md and seed rule with its policy element and test', () => {
  it('has the common table and one table per tenant, each with rows and unique row ids', () => {
    expect(tables).toBeGreaterThanOrEqual(6);
    expect(rows.length).toBeGreaterThan(100);
    const ids = rows.map((r) => r.id);
    expect(ids.filter((id, i) => id === '' || ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every referenced test file exists and contains the quoted test name', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const refs = [...row.test.matchAll(TEST_REF)];
      const mentioned = (row.test.match(/`test\//g) ?? []).length;
      if (mentioned !== refs.length) problems.push(`${row.where}: a test reference is not written as \`test/….test.ts\` › "name"`);
      for (const [, file, name] of refs) {
        const text = fileText(file!);
        if (text === null) {
          problems.push(`${row.where}: ${file} does not exist`);
        } else if (![`'${name}'`, `"${name}"`, `\`${name}\``].some((quoted) => text.includes(quoted))) {
          problems.push(`${row.where}: ${file} has no test named "${name}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every row names a test, or says **no test** and why (not applicable / outside the engine / missing / engine disagrees)', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const hasTest = [...row.test.matchAll(TEST_REF)].length > 0;
      const noTest = row.test.includes(NO_TEST);
      if (!hasTest && !noTest) problems.push(`${row.where}: neither a test nor ${NO_TEST} — ${row.rule}`);
      if (hasTest && noTest) problems.push(`${row.where}: both a test and ${NO_TEST}`);
      if (noTest && !NO_TEST_REASON.test(row.test)) problems.push(`${row.where}: ${NO_TEST} without its reason ("— missing: …")`);
      if (row.rule === '' || row.element === '') problems.push(`${row.where}: the rule or the policy element is empty`);
    }
    expect(problems).toEqual([]);
  });

  it('every tenants/*.yaml path and server file in the tables exists', () => {
    const problems: string[] = [];
    for (const row of rows) {
      for (const [, file, path] of row.element.matchAll(POLICY_REF)) {
        if (fileText(file!) === null) problems.push(`${row.where}: ${file} does not exist`);
        else if (path !== undefined && resolve(policyFile(file!), path) === undefined) problems.push(`${row.where}: ${file} has no ${path}`);
      }
      for (const [, file] of row.element.matchAll(SERVER_REF)) {
        if (fileText(file!) === null) problems.push(`${row.where}: ${file} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every kind, group, profile rule, credit window and title window of each policy file appears in a row', () => {
    const referenced = new Map<string, string[]>();
    for (const row of rows) {
      for (const [, file, path] of row.element.matchAll(POLICY_REF)) {
        if (path !== undefined) referenced.set(file!, [...(referenced.get(file!) ?? []), path]);
      }
    }
    const unlisted: string[] = [];
    const files = readdirSync(join(root, 'tenants')).filter((f) => /\.ya?ml$/.test(f)).sort();
    expect(files).toHaveLength(5);
    for (const name of files) {
      const file = `tenants/${name}`;
      const doc = policyFile(file) as { title?: { windows?: unknown[] }; versions?: Record<string, unknown>[] };
      const elements: string[] = (doc.title?.windows ?? []).map((_, i) => `title.windows[${i}]`);
      (doc.versions ?? []).forEach((version, v) => {
        const keysOf = (value: unknown) => (value !== null && typeof value === 'object' ? Object.keys(value) : []);
        const prefix = `versions[${v}]`;
        elements.push(...keysOf(version.kinds).map((k) => `${prefix}.kinds.${k}`));
        elements.push(...keysOf(version.groups).map((g) => `${prefix}.groups.${g}`));
        elements.push(...((version.profileRules as unknown[] | undefined) ?? []).map((_, i) => `${prefix}.profileRules[${i}]`));
        const credits = version.credits as { windows?: unknown[] } | undefined;
        elements.push(...(credits?.windows ?? []).map((_, i) => `${prefix}.credits.windows[${i}]`));
      });
      const paths = referenced.get(file) ?? [];
      for (const element of elements) {
        const covered = paths.some((p) => p === element || p.startsWith(`${element}.`) || p.startsWith(`${element}[`));
        if (!covered) unlisted.push(`${file} ${element}`);
      }
    }
    expect(unlisted).toEqual([]);
  });
});
