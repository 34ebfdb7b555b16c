// Self-registration in the console (docs/REGISTRATION.md), in Qingdao. A person
// opens the sign-up page from the sign-in page without an account, chooses their
// unit from the directory and signs up; the unit's official approves the sign-up
// from the registration queue; the person signs in with the password they chose
// and sees their home page. A rejected sign-up's reason shows on the public
// progress page; a unit's application is approved by the district HR bureau (属地)
// in its application queue. The visitor's and the officials' pages are reused
// across the tests (each made on first use), so the order does not matter.
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../../../server/platform/id-number';
import { api, type ConsoleBrowser, launchBrowser, shot, signIn, signInAs, tokenOf } from './support/browser';
import { chooseOption } from './support/declarations';

const TENANT = 'qingdao';
const PASSWORD = 'Qingdao2026signup';
const REASON = '本单位没有此人员，请核对所在单位后重新注册';
const run = Date.now() % 100000;

let browser: ConsoleBrowser;
let unitName: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const token = await tokenOf(TENANT, 'UNIT_OFFICIAL');
  unitName = (await api<{ me: { organisation: { name: string } } }>(`{ me { organisation { name } } }`, {}, token)).me.organisation.name;
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh valid ID number (region 370202, a birth date no demo person of this run shares with this sequence). */
function idNumber(n: number): string {
  return makeIdNumber('370202', `1979${String(1 + (run % 12)).padStart(2, '0')}${String(1 + n).padStart(2, '0')}`, 900 + (run % 100));
}

const pages = new Map<string, Promise<Page>>();
/** The page of a role (signed in on first use), or the visitor's (not signed in) with the console scripts it loaded. */
const visitorScripts = new Set<string>();
function pageOf(who: 'visitor' | 'UNIT_OFFICIAL' | 'DEPARTMENT_OFFICIAL'): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = (async () => {
      const p = await browser.newPage();
      if (who === 'visitor') {
        p.on('request', (r) => {
          const url = new URL(r.url());
          if (url.pathname.startsWith('/admin/assets/') && url.pathname.endsWith('.js')) visitorScripts.add(url.pathname.split('/').pop()!);
        });
      } else await signInAs(p, TENANT, who);
      return p;
    })();
    pages.set(who, page);
  }
  return page;
}

/** Waits until the page's transitions (a dialog or menu fading) are over, for a screenshot. */
async function still(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Chooses an organisation in a directory picker: types part of its name, clicks it in the list. */
async function pick(page: Page, field: string, typed: string, name: string): Promise<void> {
  await page.locator(`input[name="${field}"]`).fill(typed);
  await page.locator('[data-option]', { hasText: name }).first().click();
  expect(await page.locator(`input[name="${field}"]`).inputValue()).toBe(name);
}

/** Opens a queue's application by its name (in the pending tab) and decides it through the dialog. */
async function decide(page: Page, resource: string, name: string, decision: 'approve' | 'reject', reason?: string): Promise<void> {
  await page.goto(`/admin/#/${resource}`);
  await page.locator('[data-tab="PENDING"]').click();
  const row = page.locator('tr', { hasText: name });
  await row.locator('td').nth(1).click();
  await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
  await page.getByTestId(decision).click();
  await page.getByTestId('decision-dialog').waitFor();
  if (reason) {
    // no reason, no rejection
    await page.getByTestId('confirm-decision').click();
    await page.getByText('请填写退回理由').waitFor();
    await page.locator('textarea[name="reason"]').fill(reason);
  }
  await still(page);
  await shot(page, __filename, `${resource}-${decision}-dialog`);
  await page.getByTestId('confirm-decision').click();
  await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
  await page.getByText(decision === 'approve' ? '已通过，账号已启用' : '已退回申请人').waitFor();
}

describe('self-registration', () => {
  it('a person signs up without an account, the unit approves, and they sign in with their password', async () => {
    const name = '孙注册';
    const id = idNumber(1);
    const visitor = await pageOf('visitor');
    await visitor.goto('/admin/#/login');
    await visitor.getByTestId('sign-up-link').click();
    await visitor.getByTestId('sign-up-form').waitFor();
    await visitor.locator('input[name="tenantCode"]').fill(TENANT);
    await pick(visitor, 'unitId', unitName.slice(-6), unitName);
    await visitor.locator('input[name="idNumber"]').fill(id);
    await visitor.locator('input[name="name"]').fill(name);
    await visitor.locator('input[name="phone"]').fill('13912345678');
    await chooseOption(visitor, visitor.getByRole('combobox', { name: '现职称级别' }), '中级');
    await chooseOption(visitor, visitor.getByRole('combobox', { name: '职称系列' }), '工程技术');
    await visitor.locator('input[name="password"]').fill(PASSWORD);
    await visitor.locator('input[name="confirm"]').fill(PASSWORD);
    await still(visitor);
    await shot(visitor, __filename, 'sign-up-form');
    await visitor.getByTestId('submit-sign-up').click();
    const receipt = (await visitor.getByTestId('receipt').textContent())!;
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);
    await shot(visitor, __filename, 'receipt');
    // the public page is light: none of the officials' or the bureau's pages came with it
    const loaded = [...visitorScripts];
    expect(loaded.filter((f) => /^(charts|official-dashboard|policy-page|review-list|registration-list)-/.test(f))).toEqual([]);

    // the receipt leads to the progress page, filled in and read
    await visitor.getByTestId('check-progress').click();
    await visitor.locator('[data-testid="progress"] [data-status="PENDING"]').waitFor();
    expect(await visitor.locator('input[name="receipt"]').inputValue()).toBe(receipt);

    const official = await pageOf('UNIT_OFFICIAL');
    await official.locator('[data-menu="registrations"]').click();
    // the list keeps the tab it was last left on (another test of this file may have left it elsewhere)
    await official.locator('[data-tab="PENDING"]').click();
    await official.locator('tr', { hasText: name }).waitFor();
    await shot(official, __filename, 'unit-queue');
    await decide(official, 'registrations', name, 'approve');
    await official.locator('[data-tab="APPROVED"]').click();
    await official.locator('tr', { hasText: name }).waitFor();

    await signIn(visitor, { tenant: TENANT, username: id, password: PASSWORD });
    await visitor.getByTestId('professional-home').waitFor();
    expect(await visitor.getByTestId('welcome').textContent()).toContain(name);
    await shot(visitor, __filename, 'signed-in-home');
  }, 240000);

  it('a rejected sign-up’s reason shows on the progress page', async () => {
    const name = '周退回';
    const unit = (await api<{ registrationUnits: { nodes: { id: string }[] } }>(`query($t: String!, $n: String) { registrationUnits(tenantCode: $t, name: $n) { nodes { id } } }`, { t: TENANT, n: unitName }))
      .registrationUnits.nodes[0]!;
    const { signUpProfessional } = await api<{ signUpProfessional: { receipt: string } }>(`mutation($i: ProfessionalSignUpInput!) { signUpProfessional(input: $i) { receipt } }`, {
      i: { tenantCode: TENANT, idNumber: idNumber(2), name, phone: '13812345678', titleLevel: 'JUNIOR', titleSeries: 'ENGINEERING', unitId: unit.id, password: PASSWORD },
    });

    const official = await pageOf('UNIT_OFFICIAL');
    await decide(official, 'registrations', name, 'reject', REASON);
    await official.locator('[data-tab="REJECTED"]').click();
    await official.locator('tr', { hasText: name }).waitFor();

    const visitor = await pageOf('visitor');
    await visitor.goto('/admin/#/sign-up/progress');
    await visitor.locator('input[name="tenantCode"]').fill(TENANT);
    // typed back without hyphens, in lower case
    await visitor.locator('input[name="receipt"]').fill(signUpProfessional.receipt.replace(/-/g, '').toLowerCase());
    await visitor.getByTestId('submit-progress').click();
    await visitor.locator('[data-testid="progress"] [data-status="REJECTED"]').waitFor();
    expect(await visitor.getByTestId('rejection-reason').textContent()).toBe(REASON);
    await shot(visitor, __filename, 'rejected-progress');
  }, 240000);

  it('a unit without a department applies under the district HR bureau, which approves it', async () => {
    const name = `市南区注册测试诊所${run}`;
    const username = `clinic${run}`;
    const visitor = await pageOf('visitor');
    await visitor.goto('/admin/#/sign-up/organisation');
    await visitor.getByTestId('apply-form').waitFor();
    await visitor.locator('input[name="tenantCode"]').fill(TENANT);
    await visitor.locator('input[name="name"]').fill(name);
    await pick(visitor, 'parentId', '市南区', '市南区人力资源和社会保障局');
    await visitor.locator('input[name="adminName"]').fill('吴经办');
    await visitor.locator('input[name="adminPhone"]').fill('13800001111');
    await visitor.locator('input[name="adminUsername"]').fill(username);
    await visitor.locator('input[name="password"]').fill(PASSWORD);
    await visitor.locator('input[name="confirm"]').fill(PASSWORD);
    await visitor.getByTestId('submit-application').click();
    await visitor.getByTestId('receipt').waitFor();
    await shot(visitor, __filename, 'organisation-receipt');

    const department = await pageOf('DEPARTMENT_OFFICIAL');
    await department.locator('[data-menu="organisationApplications"]').click();
    await department.locator('[data-tab="PENDING"]').click();
    await department.locator('tr', { hasText: name }).waitFor();
    await decide(department, 'organisationApplications', name, 'approve');
    // the administrator's account is active with the password chosen in the application
    const signedIn = await api<{ signIn: { token: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: TENANT, username, password: PASSWORD } });
    const me = await api<{ me: { role: string; organisation: { name: string } } }>(`{ me { role organisation { name } } }`, {}, signedIn.signIn.token);
    expect(me.me).toEqual({ role: 'UNIT_OFFICIAL', organisation: { name } });
  }, 240000);
});
