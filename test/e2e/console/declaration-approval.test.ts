// A declaration's way up Jining's review chain (unit → department → bureau) in
// the console: a professional whose year is short declares an activity covering
// the shortfall, with a PDF certificate, and submits it; the unit, department and
// bureau officials each approve it from their queue (each in their own browser
// context); the professional's year then shows complete.
//
// The demo professional who has a password has already completed this year, so
// the test activates the first unit's other demo professional (whose year is
// short) with the activation code the product wrote, as they would on first use.
import type { Page } from 'playwright-core';
import { api, type ConsoleBrowser, demoAccounts, launchBrowser, shot, signIn, signInAs } from './support/browser';
import { chooseOption, minimalPdf, openInQueue } from './support/declarations';

const TENANT = 'jining';
const PASSWORD = 'Console2026approve';
const YEAR = new Date().getFullYear();

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Shortfall {
  public: number;
  professional: number;
}

/** The short professional's user name and token (activated here on first use). */
async function shortProfessional(): Promise<{ username: string; token: string }> {
  const pending = demoAccounts().find((a) => a.tenant === TENANT && a.role === 'PROFESSIONAL' && typeof a.activationCode === 'string');
  if (!pending) throw new Error(`no demo professional awaiting activation in ${TENANT}`);
  const username = pending.username;
  try {
    const d = await api<{ activateAccount: { token: string } }>(`mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token } }`, {
      i: { tenantCode: TENANT, username, activationCode: pending.activationCode, newPassword: PASSWORD },
    });
    return { username, token: d.activateAccount.token };
  } catch {
    // activated by an earlier run against the same product
    const d = await api<{ signIn: { token: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: TENANT, username, password: PASSWORD } });
    return { username, token: d.signIn.token };
  }
}

async function shortfallOf(token: string): Promise<{ complete: boolean; short: Shortfall }> {
  const me = await api<{ me: { professional: { idNumber: string } } }>(`{ me { professional { idNumber } } }`, {}, token);
  const d = await api<{ completionStatus: { evaluation: { complete: boolean; public: { shortfall: number }; professional: { shortfall: number } } } }>(
    `query($y: Int!, $n: String!) { completionStatus(year: $y, idNumber: $n) { evaluation { complete public { shortfall } professional { shortfall } } } }`,
    { y: YEAR, n: me.me.professional.idNumber },
    token,
  );
  const e = d.completionStatus.evaluation;
  return { complete: e.complete, short: { public: e.public.shortfall, professional: e.professional.shortfall } };
}

/** Fills in and submits one declaration through the console; answers its id. */
async function declare(page: Page, kindName: string, params: { select?: [string, string][]; fill?: [string, string][] }, pdfName: string): Promise<string> {
  await page.goto('/admin/#/declarations/create');
  await chooseOption(page, page.getByRole('combobox', { name: /^学习形式/ }), kindName);
  await page.getByTestId('kind-params').waitFor();
  for (const [label, option] of params.select ?? []) await chooseOption(page, page.getByTestId('kind-params').getByRole('combobox', { name: new RegExp(`^${label}`) }), option);
  for (const [name, value] of params.fill ?? []) await page.locator(`input[name="params.${name}"]`).fill(value);
  await page.locator('input[name="evidence.certificateNo"]').fill(`JN-${Date.now()}`);
  await page.locator('input[name="evidence.issuer"]').fill('济宁市专业技术人员继续教育基地');
  await page.locator('input[type="file"]').setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: minimalPdf('Certificate of completion') });
  await page.getByTestId('evidence-file').filter({ hasText: pdfName }).waitFor();
  await shot(page, __filename, 'professional-form');
  await page.getByTestId('save-submit').click();
  await page.waitForURL(/#\/declarations\/[^/]+\/show/, { timeout: 20000 });
  await page.locator('[data-status="SUBMITTED"]').first().waitFor();
  return decodeURIComponent(/#\/declarations\/([^/]+)\/show/.exec(page.url())![1]!);
}

describe('a declaration approved up the chain', () => {
  it('unit, department and bureau approve it from their queues; the professional’s year turns complete', async () => {
    const professional = await shortProfessional();
    const before = await shortfallOf(professional.token);
    expect(before.complete).toBe(false);

    const page = await browser.newPage();
    await signIn(page, { tenant: TENANT, username: professional.username, password: PASSWORD });
    await page.goto('/admin/#/declarations');
    await page.getByTestId('my-year-status').waitFor();
    expect(await page.getByTestId('my-year').getAttribute('data-complete')).toBe('false');
    await shot(page, __filename, 'professional-year-short');

    // one declaration per short subject, each covering that subject's shortfall
    const ids: string[] = [];
    const kindOf = new Map<string, string>();
    if (before.short.public > 0) {
      ids.push(await declare(page, '公需科目必修课', { select: [['专题系列', '专业技术人员职业道德和能力建设']], fill: [['hours', String(Math.ceil(before.short.public))]] }, 'public-certificate.pdf'));
      kindOf.set(ids.at(-1)!, '公需科目必修课');
    }
    if (before.short.professional > 0) {
      ids.push(await declare(page, '平台专业科目课程', { fill: [['hours', String(Math.ceil(before.short.professional))]] }, 'professional-certificate.pdf'));
      kindOf.set(ids.at(-1)!, '平台专业科目课程');
    }
    await page.getByTestId('computed-hours').waitFor();
    await shot(page, __filename, 'professional-submitted');

    for (const role of ['UNIT_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'BUREAU_OFFICIAL'] as const) {
      const official = await browser.newPage();
      await signInAs(official, TENANT, role);
      for (const id of ids) {
        await openInQueue(official, id, kindOf.get(id));
        await official.getByTestId('evidence-pdf').waitFor();
        await official.getByTestId('computed-hours').waitFor();
        if (id === ids[0]) await shot(official, __filename, `${role.toLowerCase()}-review`);
        await official.getByTestId('approve').click();
        await official.getByTestId('decision-dialog').waitFor();
        await official.getByTestId('confirm-decision').click();
        await official.waitForURL(/#\/reviews(\?|$)/);
        await official.getByText('已通过').first().waitFor();
      }
      if (role === 'UNIT_OFFICIAL') await shot(official, __filename, 'unit-queue-after');
      await official.context().close();
    }

    const after = await shortfallOf(professional.token);
    expect(after.complete).toBe(true);

    await page.goto('/admin/#/declarations');
    await page.reload();
    await page.locator('[data-testid="my-year"][data-complete="true"]').waitFor();
    expect(await page.getByTestId('my-year-status').textContent()).toBe('已完成');
    await page.locator('[data-status="RECORDED"]').first().waitFor();
    await shot(page, __filename, 'professional-year-complete');

    // the record shows each level's approval
    await page.goto(`/admin/#/declarations/${encodeURIComponent(ids[0]!)}/show`);
    await page.locator('[data-decision="APPROVED"][data-level="BUREAU"]').waitFor();
    expect(await page.locator('[data-decision="APPROVED"]').count()).toBe(3);
    await shot(page, __filename, 'professional-recorded');
  }, 240000); // several sign-ins and page loads on a shared 2-core machine
});
