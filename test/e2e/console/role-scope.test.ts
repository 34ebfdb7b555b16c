// What each role may see (tenant linyi): the menu, the staff list's scope, and
// direct URLs outside a role's reach; then a unit official registers a person
// (the server's ID-number error shown under the field first) and edits them.
import type { Page } from 'playwright-core';
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'linyi';
const REFUSED = /无权访问|您没有访问此页面的权限|页面不存在|网址输入有误/;

let browser: ConsoleBrowser;
let bureauToken: string;
let unit: { id: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  bureauToken = await tokenOf(TENANT, 'BUREAU_OFFICIAL');
  const me = await api<{ me: { organisation: { id: string; name: string } } }>(`{ me { organisation { id name } } }`, {}, await tokenOf(TENANT, 'UNIT_OFFICIAL'));
  unit = me.me.organisation;
});
afterAll(async () => {
  await browser?.close();
});

async function menuEntries(page: Page): Promise<string[]> {
  await page.locator('[data-menu]').first().waitFor();
  return page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu') ?? ''));
}

/** A valid 18-character resident ID number of Linyi (371302), ISO 7064 mod 11-2 check digit. */
function linyiIdNumber(birth: string, sequence: number): string {
  const body = `371302${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** The helper text under a form input (where react-admin shows a field's error). */
async function helperOf(page: Page, name: string) {
  const id = await page.locator(`input[name="${name}"]`).getAttribute('id');
  return page.locator(`[id="${id}-helper-text"]`);
}

interface Person {
  id: string;
  name: string;
  idNumberMasked: string;
  unitId: string;
}

async function peopleOf(filter: object): Promise<Person[]> {
  const d = await api<{ professionals: { nodes: Person[] } }>(
    `query($f: ProfessionalFilter) { professionals(filter: $f, first: 100) { nodes { id name idNumberMasked unitId } } }`,
    { f: filter },
    bureauToken,
  );
  return d.professionals.nodes;
}

describe('role scope', () => {
  it('a unit official’s menu has staff and shortfalls, not the bureau’s organisation, policy, audit or tenant screens', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'UNIT_OFFICIAL');
    const menu = await menuEntries(page);
    expect(menu).toEqual(expect.arrayContaining(['professionals', 'shortfalls']));
    for (const hidden of ['organisations', 'policy', 'auditEvents', 'tenants']) expect(menu).not.toContain(hidden);
    await shot(page, __filename, 'unit-menu-1280');
  });

  it('a unit official’s staff list holds only their unit’s people, at 1280 and 768 px', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'UNIT_OFFICIAL');
    await page.goto('/admin/#/professionals');
    const rows = page.locator('[data-testid="professionals-list"] tbody tr');
    await rows.first().waitFor();
    // the unit column's names come with their own request: wait for them before reading all
    const unitCells = page.locator('[data-testid="professionals-list"] tbody td.column-unitId');
    await unitCells.filter({ hasText: unit.name }).first().waitFor();
    const units = await unitCells.allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([unit.name]));
    // the whole list: as many active people as the unit has (the list opens on active staff)
    const ours = (await peopleOf({ unitId: unit.id, status: 'ACTIVE' })).length;
    await page.getByText(new RegExp(`/ ${ours}$|共 ${ours}|of ${ours}`)).first().waitFor();
    await shot(page, __filename, 'unit-staff-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    await rows.first().waitFor();
    await shot(page, __filename, 'unit-staff-768');
  });

  it('a person of another unit, entered by URL, shows no data; bureau-only screens are refused', async () => {
    const other = (await peopleOf({})).find((p) => p.unitId !== unit.id);
    expect(other).toBeDefined();
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'UNIT_OFFICIAL');
    await page.goto(`/admin/#/professionals/${other!.id}/show`);
    await page.getByText(/数据项不存在|未找到此人员/).first().waitFor();
    await page.waitForURL((url) => !url.hash.includes('/show'));
    expect(await page.getByText(other!.idNumberMasked).count()).toBe(0);
    await shot(page, __filename, 'unit-other-person');

    await page.goto('/admin/#/organisations/create');
    await page.getByText(REFUSED).first().waitFor();
    expect(await page.locator('input[name="name"]').count()).toBe(0);
    await page.goto('/admin/#/organisations');
    await page.getByText(REFUSED).first().waitFor();
    expect(await page.getByTestId('organisation-tree').count()).toBe(0);
    await shot(page, __filename, 'unit-organisations-refused');
  });

  it('a professional has no staff or review queue in the menu, and their URLs are refused', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'PROFESSIONAL');
    await page.getByTestId('welcome').waitFor();
    const menu = await page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu') ?? ''));
    for (const hidden of ['professionals', 'reviews', 'shortfalls', 'organisations', 'accounts']) expect(menu).not.toContain(hidden);
    for (const hash of ['#/professionals', '#/reviews', '#/shortfalls']) {
      await page.goto(`/admin/${hash}`);
      await page.getByText(REFUSED).first().waitFor();
      expect(await page.locator('table tbody tr').count()).toBe(0);
    }
    await shot(page, __filename, 'professional-refused');
  });

  it('the bureau sees the organisation tree, at 1280 and 768 px', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/organisations');
    await page.getByTestId('organisation-tree').waitFor();
    await page.getByRole('button', { name: '全部展开' }).click();
    await page.locator(`[data-org="${unit.name}"]`).waitFor();
    await shot(page, __filename, 'bureau-tree-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, __filename, 'bureau-tree-768');
  });
});

describe('a unit official registers and edits a person', () => {
  it('shows the server’s ID-number error under the field, then registers and edits', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'UNIT_OFFICIAL');
    await page.goto('/admin/#/professionals/create');
    const good = linyiIdNumber('19900314', 100 + (Date.now() % 800));
    // the same number with a wrong check digit
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    // names are Chinese characters, letters and the middle dot only
    const name = `测试${[...String(Date.now()).slice(-3)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('')}`;
    await page.locator('input[name="idNumber"]').fill(bad);
    await page.locator('input[name="name"]').fill(name);
    await page.getByRole('combobox', { name: /职称系列/ }).click();
    await page.getByRole('option', { name: '卫生' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await (await helperOf(page, 'idNumber')).getByText('身份证号码校验位错误').waitFor();
    await shot(page, __filename, 'create-id-error-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, __filename, 'create-id-error-768');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('input[name="idNumber"]').fill(good);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => /#\/professionals\/[^/]+\/show/.test(url.hash));
    await page.getByText(name).first().waitFor();
    const id = decodeURIComponent(page.url().split('#/professionals/')[1]!.split('/')[0]!);
    const created = await api<{ professional: { name: string; unitId: string; titleSeries: string } }>(`query($id: ID!) { professional(id: $id) { name unitId titleSeries } }`, { id }, bureauToken);
    expect(created.professional).toEqual({ name, unitId: unit.id, titleSeries: 'HEALTH' });
    await shot(page, __filename, 'created-show');

    await page.goto(`/admin/#/professionals/${encodeURIComponent(id)}`);
    await page.locator('input[name="phone"]').fill('13800001111');
    await page.locator('input[name="name"]').fill(`${name}改`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => url.hash.endsWith('/show'));
    await page.getByText(`${name}改`).first().waitFor();
    const edited = await api<{ professional: { name: string; phone: string; version: number } }>(`query($id: ID!) { professional(id: $id) { name phone version } }`, { id }, bureauToken);
    expect(edited.professional).toMatchObject({ name: `${name}改`, phone: '13800001111', version: 2 });
    await shot(page, __filename, 'edited-show');
  });
});
