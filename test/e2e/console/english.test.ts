// After switching to English in the app bar, one page per role shows no Chinese
// in its labels: the menu, the page title, column headers, buttons, headings,
// form labels and status chips. Data (names, policy texts, the engine's
// explanation lines) may stay Chinese, so table cells and paragraphs are not checked.
import type { Page } from 'playwright-core';
import { type ConsoleBrowser, type DemoRole, launchBrowser, shot, signInAs } from './support/browser';

const TENANT = 'bingtuan';
const PAGES = new Set(['myHours', 'hoursCalculator', 'myTitleApplications']);

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInInEnglish(role: DemoRole): Promise<Page> {
  const page = await browser.newPage({ height: 1000 });
  await signInAs(page, TENANT, role);
  await page.getByTestId('welcome').waitFor();
  // the app bar's language menu
  await page.locator('header button', { hasText: '中文' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByTestId('welcome').filter({ hasText: /^Welcome/ }).waitFor();
  return page;
}

/** Every label of the layout that contains a Chinese character (with where it was found). */
async function chineseLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = /[\u4e00-\u9fff]/;
    const selectors = [
      '.RaMenu-root',
      '#react-admin-title',
      '#main-content th',
      '#main-content [role="columnheader"]',
      '#main-content button',
      '#main-content h1, #main-content h2, #main-content h3, #main-content h4, #main-content h5, #main-content h6',
      '#main-content label',
      '#main-content legend',
      '#main-content .MuiChip-label',
      '#main-content .MuiTablePagination-root',
      '#main-content .MuiAlert-message > .MuiTypography-root',
    ];
    const found: string[] = [];
    for (const selector of selectors) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        const text = (el.innerText ?? el.textContent ?? '').trim();
        if (han.test(text)) found.push(`${selector}: ${text.slice(0, 80)}`);
      }
    }
    return found;
  });
}

describe('the console in English', () => {
  it('operator: the tenants list', async () => {
    const page = await signInInEnglish('OPERATOR');
    await page.goto('/admin/#/tenants');
    await page.locator('td.column-code', { hasText: TENANT }).waitFor();
    expect(await page.locator('#main-content th').first().textContent()).toBe('Region code');
    expect(await chineseLabels(page)).toEqual([]);
    await shot(page, __filename, 'operator-tenants');
    await page.goto('/admin/#/tenants/create');
    await page.getByTestId('policy-editor').waitFor();
    expect(await chineseLabels(page)).toEqual([]);
    await shot(page, __filename, 'operator-onboard');
  });

  it('bureau official: the home page with its charts', async () => {
    const page = await signInInEnglish('BUREAU_OFFICIAL');
    await page.locator('[data-testid="chart-rate"] svg.recharts-surface').waitFor();
    await page.locator('[data-testid="chart-shortfall"] svg.recharts-surface').waitFor();
    expect(await page.getByTestId('chart-rate').locator('h3').textContent()).toBe('Completion rate by organisation');
    expect(await chineseLabels(page)).toEqual([]);
    await shot(page, __filename, 'bureau-dashboard');
  });

  it('unit official: a list page (the first list in their menu), else their home page', async () => {
    const page = await signInInEnglish('UNIT_OFFICIAL');
    const lists = await page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu') ?? ''));
    const list = lists.find((name) => name && !name.startsWith('app.'));
    if (list && !PAGES.has(list)) {
      await page.locator(`[data-menu="${list}"]`).click();
      await page.locator('#main-content .RaList-main, #main-content table').first().waitFor();
      await page.waitForLoadState('networkidle');
    } else {
      // no list resource on this branch yet: the unit's compact statistics
      await page.locator('[data-testid="chart-shortfall"] svg.recharts-surface').waitFor();
    }
    expect(await chineseLabels(page)).toEqual([]);
    await shot(page, __filename, 'unit-official');
  });

  it('professional: my hours', async () => {
    const page = await signInInEnglish('PROFESSIONAL');
    await page.getByTestId('year-summary').waitFor();
    await page.locator('[data-menu="myHours"]').click();
    await page.getByTestId('years').waitFor();
    await page.locator('#main-content [data-testid="year-summary"]').waitFor();
    expect(await page.locator('#main-content h2').first().textContent()).toBe('Year by year');
    expect(await chineseLabels(page)).toEqual([]);
    await shot(page, __filename, 'professional-my-hours');
  });
});
