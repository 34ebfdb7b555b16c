// The staff screens beyond scope (tenant linyi): who is short of hours and the
// person's year with its explanation, title records, the activation code shown
// once, a transfer, a concurrent edit refused clearly, and a department
// official creating a unit official's account.
import type { Page } from 'playwright-core';
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'linyi';

let browser: ConsoleBrowser;
let bureauToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  bureauToken = await tokenOf(TENANT, 'BUREAU_OFFICIAL');
});
afterAll(async () => {
  await browser?.close();
});

interface Person {
  id: string;
  name: string;
  unitId: string;
  version: number;
}

async function person(id: string): Promise<Person & { titleHistory: { id: string }[] }> {
  const d = await api<{ professional: Person & { titleHistory: { id: string }[] } }>(`query($id: ID!) { professional(id: $id) { id name unitId version titleHistory { id } } }`, { id }, bureauToken);
  return d.professional;
}

async function someone(nth: number): Promise<Person> {
  const d = await api<{ professionals: { nodes: Person[] } }>(`{ professionals(first: 100, filter: { status: ACTIVE }) { nodes { id name unitId version } } }`, {}, bureauToken);
  return d.professionals.nodes[d.professionals.nodes.length - 1 - nth]!;
}

async function bureauPage(width = 1280): Promise<Page> {
  const page = await browser.newPage({ width, height: width > 800 ? 800 : 1024 });
  await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
  return page;
}

describe('staff screens', () => {
  it('lists who is short of hours, exports the list to Excel, and opens a person’s year with the engine’s explanation', async () => {
    const page = await bureauPage();
    await page.goto('/admin/#/shortfalls');
    const rows = page.locator('[data-testid="shortfalls-list"] tbody tr');
    await rows.first().waitFor();
    await shot(page, __filename, 'shortfalls-1280');
    // the list's Excel export: a download under the server's Chinese file name
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-shortfalls').click()]);
    expect(download.suggestedFilename()).toMatch(/^缺学时人员名单-\d{4}年-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, __filename, 'shortfalls-768');
    await page.setViewportSize({ width: 1280, height: 800 });
    await rows.first().locator('td.column-name').click();
    await page.waitForURL((url) => /#\/professionals\/.+\/show\/hours/.test(url.hash));
    await page.getByTestId('year-status').waitFor();
    expect(await page.getByTestId('year-status').textContent()).toBe('未完成');
    expect(await page.locator('[data-testid="year-reasons"] li').count()).toBeGreaterThan(0);
    await shot(page, __filename, 'person-hours-1280');
  });

  it('records a title, removes it after confirmation, and shows an activation code once', async () => {
    const p = await someone(0);
    const before = await person(p.id);
    const page = await bureauPage();
    await page.goto(`/admin/#/professionals/${p.id}/show/titles`);
    await page.getByTestId('record-title').click();
    await page.getByRole('combobox', { name: /职称级别/ }).click();
    await page.getByRole('option', { name: '正高级' }).click();
    await page.locator('input[name="obtainedOn"]').fill('2025-12-01');
    await page.locator('input[name="issuingBody"]').fill('山东省职称改革领导小组');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记职称记录').waitFor();
    await page.getByTestId('title-history').getByText('山东省职称改革领导小组').waitFor();
    expect((await person(p.id)).titleHistory.length).toBe(before.titleHistory.length + 1);
    await shot(page, __filename, 'titles-1280');

    await page.getByTestId('title-history').locator('tbody tr').first().getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('已删除职称记录').waitFor();
    expect((await person(p.id)).titleHistory.length).toBe(before.titleHistory.length);

    await page.getByTestId('issue-code').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    const code = page.getByTestId('activation-code');
    await code.waitFor();
    expect((await code.textContent())?.trim().length).toBeGreaterThanOrEqual(6);
    await shot(page, __filename, 'activation-code');
    await page.getByRole('button', { name: '我已记下' }).click();
    await code.waitFor({ state: 'detached' });
  });

  it('transfers a person to another unit after confirmation', async () => {
    const p = await someone(1);
    const units = await api<{ organisations: { nodes: { id: string; name: string }[] } }>(`{ organisations(kind: UNIT, first: 100) { nodes { id name } } }`, {}, bureauToken);
    // from the end of the tree: the first unit is role-scope.test.ts's, whose head count it checks
    const target = [...units.organisations.nodes].reverse().find((u) => u.id !== p.unitId)!;
    const page = await bureauPage();
    await page.goto(`/admin/#/professionals/${p.id}/show`);
    await page.getByTestId('transfer').click();
    await page.getByRole('dialog').getByRole('combobox').first().fill(target.name.slice(0, 3));
    await page.getByRole('option', { name: target.name }).click();
    await page.getByRole('dialog').getByRole('button', { name: '调动' }).click();
    await page.getByText(`确认将 ${p.name} 调动到“${target.name}”`).waitFor();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('已调动').waitFor();
    expect((await person(p.id)).unitId).toBe(target.id);
  });

  it('says plainly when someone else saved the person meanwhile', async () => {
    const p = await someone(2);
    const page = await bureauPage();
    await page.goto(`/admin/#/professionals/${p.id}`);
    await page.locator('input[name="name"]').waitFor();
    const current = await person(p.id);
    await api(`mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id } }`, { i: { id: p.id, version: current.version, phone: '13900002222' } }, bureauToken);
    await page.locator('input[name="phone"]').fill('13700003333');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('version-conflict').waitFor();
    await shot(page, __filename, 'version-conflict');
    await page.getByTestId('version-conflict').getByRole('button', { name: '重新加载' }).click();
    await page.getByTestId('version-conflict').waitFor({ state: 'detached' });
  });

  it('a department official creates a unit official’s account and sees its code once', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'DEPARTMENT_OFFICIAL');
    const deptToken = await tokenOf(TENANT, 'DEPARTMENT_OFFICIAL');
    const units = await api<{ organisations: { nodes: { id: string; name: string }[] } }>(`{ organisations(kind: UNIT, first: 100) { nodes { id name } } }`, {}, deptToken);
    const unit = units.organisations.nodes[units.organisations.nodes.length - 1]!;
    await page.goto('/admin/#/accounts/create');
    const username = `unit${Date.now() % 100000}`;
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="displayName"]').fill('新经办人');
    await page.locator('input[name="orgNodeId"]').fill(unit.name.slice(0, 3));
    await page.getByRole('option', { name: unit.name }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('activation-code').waitFor();
    await shot(page, __filename, 'account-code');
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.waitForURL((url) => url.hash === '#/accounts');
    await page.getByText(username).waitFor();
    await shot(page, __filename, 'accounts-1280');
  });
});
