// Signing in to the console: each role lands on its home page with the menu its
// role allows; the first load after sign-in is measured with the Performance API.
import type { Page } from 'playwright-core';
import { type ConsoleBrowser, launchBrowser, shot, signInAs } from './support/browser';

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function menuEntries(page: Page): Promise<string[]> {
  return page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu') ?? ''));
}

describe('signing in', () => {
  it('a bureau official reaches the home page in Chinese (its first load timed by the browser)', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'linyi', 'BUREAU_OFFICIAL', 0, { viaForm: true });
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('welcome').textContent()).toMatch(/^欢迎/);
    // a fresh load of the console with the session in place, timed by the browser itself
    await page.reload();
    await page.getByTestId('welcome').waitFor();
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance.now() - nav.startTime;
    });
    // a figure to read (the target is 2 s on localhost), not a timed assertion: under `npm test` the
    // two cores also run the server suite, and the figure says more about them than about the console
    console.log(`console first load after sign-in: ${Math.round(loadMs)} ms`);
    expect(loadMs).toBeGreaterThan(0);
    await shot(page, __filename, 'bureau-home');
  });

  it('a wrong password is refused with a Chinese message and no session', async () => {
    const page = await browser.newPage();
    await page.goto('/admin/#/login');
    await page.locator('input[name="tenantCode"]').fill('linyi');
    await page.locator('input[name="username"]').fill('nobody');
    await page.locator('input[name="password"]').fill('wrong-password-1');
    await page.locator('button[type="submit"]').click();
    await page.getByText(/用户名或密码|登录失败|不正确/).first().waitFor();
    expect(page.url()).toContain('#/login');
    expect(await page.evaluate(() => localStorage.getItem('ce.session'))).toBeNull();
    await shot(page, __filename, 'refused');
  });

  it('the menu differs by role', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'linyi', 'PROFESSIONAL', 0, { viaForm: true });
    await page.getByTestId('welcome').waitFor();
    const professional = await menuEntries(page);
    const officialPage = await browser.newPage();
    await signInAs(officialPage, 'linyi', 'UNIT_OFFICIAL', 0, { viaForm: true });
    await officialPage.getByTestId('welcome').waitFor();
    const unit = await menuEntries(officialPage);
    expect(professional).not.toEqual(unit);
  });

  it('an expired session leads to sign-in and back to the same page afterwards', async () => {
    const page = await browser.newPage();
    const account = await signInAs(page, 'linyi', 'UNIT_OFFICIAL', 0, { viaForm: true });
    await page.goto('/admin/#/professionals?page=1');
    await page.locator('table').first().waitFor();
    // the server no longer accepts the token (as after its 15 minutes)
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('ce.session')!) as { token: string };
      localStorage.setItem('ce.session', JSON.stringify({ ...session, token: `${session.token.slice(0, -4)}AAAA` }));
    });
    await page.locator('[aria-label="刷新"], [aria-label="Refresh"]').first().click();
    await page.waitForURL((url) => url.hash.startsWith('#/login'));
    await shot(page, __filename, 'expired');
    await page.locator('input[name="tenantCode"]').fill('linyi');
    await page.locator('input[name="username"]').fill(account.username);
    await page.locator('input[name="password"]').fill(account.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.hash.startsWith('#/professionals'));
    await page.locator('table').first().waitFor();
  });

  it('signing out clears the session and a reload stays on the sign-in page', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'linyi', 'BUREAU_OFFICIAL', 0, { viaForm: true });
    await page.getByTestId('welcome').waitFor();
    await page.locator('button[aria-label="个人中心"]').first().click();
    await page.getByText('退出登录').click();
    await page.waitForURL((url) => url.hash.startsWith('#/login'));
    expect(await page.evaluate(() => localStorage.getItem('ce.session'))).toBeNull();
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
  });
});
