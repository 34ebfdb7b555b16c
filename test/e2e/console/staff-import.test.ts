// Staff import in the console (tenant binzhou, whose 004 §三(二) describes it): a unit
// official opens "导入人员" from the staff list, downloads the template, fills it in with one
// bad row, sees that row's error (row, column, message) and "import all" refused, fixes the
// row, uploads again and imports; the people are then registered in their unit.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'binzhou';

// two uploads, their dry runs and an import: under the whole suite (2 cores, CPU-bound) this takes
// well over jest's 60 s
jest.setTimeout(180_000);
let browser: ConsoleBrowser;
let dir: string;
let unitToken: string;
let unit: { id: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'ce-staff-import-e2e-'));
  unitToken = await tokenOf(TENANT, 'UNIT_OFFICIAL');
  unit = (await api<{ me: { organisation: { id: string; name: string } } }>(`{ me { organisation { id name } } }`, {}, unitToken)).me.organisation;
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A valid 18-character resident ID number of Binzhou (371602), ISO 7064 mod 11-2 check digit. */
function binzhouIdNumber(birth: string, sequence: number): string {
  const body = `371602${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** The downloaded template with `rows` added below its example row, saved as a new file. */
async function fillIn(template: string, rows: (string | null)[][], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet('人员信息')!;
  for (const row of rows) sheet.addRow(row);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The people registered under an ID number, as the unit official sees them. */
async function registered(idNumber: string): Promise<{ name: string; unitId: string }[]> {
  const d = await api<{ professionals: { nodes: { name: string; unitId: string }[] } }>(
    `query($f: ProfessionalFilter) { professionals(filter: $f, first: 5) { nodes { name unitId } } }`,
    { f: { idNumber } },
    unitToken,
  );
  return d.professionals.nodes;
}

describe('staff import', () => {
  it('a unit official downloads the template, imports a file with one bad row, sees the error, fixes it and imports', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'UNIT_OFFICIAL');
    await page.goto('/admin/#/professionals');
    await page.getByTestId('open-staff-import').click();
    await page.waitForURL(/#\/staff-import$/);

    // the template: Chinese headers, the example row, the official's unit in its list
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    expect(download.suggestedFilename()).toBe('专业技术人员信息导入表.xlsx');
    const template = path.join(dir, 'template.xlsx');
    await download.saveAs(template);
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(template);
    expect(check.getWorksheet('人员信息')!.getRow(1).getCell(2).value).toBe('身份证号码*');
    expect(check.getWorksheet('选项')!.getColumn(4).values).toContain(unit.name);

    const stamp = Date.now() % 900;
    const first = binzhouIdNumber('19880512', stamp);
    const second = binzhouIdNumber('19910923', stamp + 1);
    const wrongCheckDigit = second.slice(0, 17) + (second[17] === '0' ? '1' : '0');
    const row = (name: string, idNumber: string) => [name, idNumber, unit.name, '中级', '卫生', null, null, '2021-03-01'];
    const bad = await fillIn(template, [row('刘导入', first), row('陈导入', wrongCheckDigit)], 'with-a-bad-row.xlsx');

    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('upload').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    // row 4: the template's header is row 1, its example row 2, our rows 3 and 4
    const line = errors.locator('tbody tr[data-row="4"]');
    // the table is shown while the dry run's result is still coming in: wait for its row
    await line.waitFor();
    expect(await line.locator('td').allTextContents()).toEqual(['4', '身份证号码', '身份证号码校验位错误']);
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('import-summary').textContent()).toContain('有错误 1 行');
    expect(await page.getByTestId('import-all').isDisabled()).toBe(true);
    await shot(page, __filename, 'dry-run-with-error');

    // fixed, uploaded again, imported whole
    const fixed = await fillIn(template, [row('刘导入', first), row('陈导入', second)], 'fixed.xlsx');
    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.getByTestId('import-file').setInputFiles(fixed);
    await page.getByTestId('upload').click();
    await page.getByText('未发现错误，可以全部导入。').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新登记 2 人');
    await page.getByTestId('import-all').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('新登记 2 人');
    await shot(page, __filename, 'imported');

    expect(await registered(first)).toEqual([{ name: '刘导入', unitId: unit.id }]);
    expect(await registered(second)).toEqual([{ name: '陈导入', unitId: unit.id }]);
  });
});
