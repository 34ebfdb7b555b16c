// The bureau's other pages in tenant binzhou: the policy as tables (at tablet
// width too), a spot check drawn and one item reviewed, training projects with
// their completions, the integrity record searched by name.
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'binzhou';
const LAST_YEAR = new Date().getFullYear() - 1;

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the bureau’s pages', () => {
  it('the policy in force, as tables, at desktop and tablet width', async () => {
    for (const width of [1280, 768]) {
      const page = await browser.newPage({ width, height: 900 });
      await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
      await page.goto('/admin/#/policy');
      await page.getByTestId('policy-kinds').waitFor();
      expect(await page.getByTestId('policy-deadline').textContent()).toMatch(/^\d{2}-\d{2}$/);
      expect(await page.getByTestId('conversion-table').count()).toBeGreaterThan(0);
      // the page itself never scrolls sideways; wide tables scroll inside their card
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, __filename, `policy-${width}`);
      await page.getByTestId('policy-tab-edit').click();
      await page.getByTestId('policy-editor').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, __filename, `policy-editor-${width}`);
    }
  });

  it('draws a spot check and records an outcome', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/spotChecks/create');
    await page.locator('input[name="year"]').fill(String(LAST_YEAR));
    await page.locator('input[name="percentage"]').fill('10');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/spotChecks\/[^/]+\/show/);
    const items = page.getByTestId('spot-check-items');
    await items.waitFor();
    const first = items.locator('tbody tr').first();
    await first.getByRole('button', { name: '通过' }).click();
    await page.getByText('已登记为通过').waitFor();
    await page.getByRole('tab', { name: '通过' }).click();
    await items.locator('tbody tr').first().waitFor();
    await shot(page, __filename, 'spot-check');
  });

  it('lists training projects and shows one with its completions', async () => {
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/trainingProjects');
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    await shot(page, __filename, 'training-projects');
    await row.click();
    await page.waitForURL(/#\/trainingProjects\/[^/]+\/show/);
    await page.getByText('完成记录').first().waitFor();
    await shot(page, __filename, 'training-project');
  });

  it('finds a person’s integrity record by name (none in the demo data)', async () => {
    const token = await tokenOf(TENANT, 'BUREAU_OFFICIAL');
    const d = await api<{ professionals: { nodes: { name: string }[] } }>(`{ professionals(first: 1) { nodes { name } } }`, {}, token);
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/integrityRecords');
    await page.getByText('请输入身份证号码或姓名').waitFor();
    await page.locator('input[name="name"]').fill(d.professionals.nodes[0]!.name);
    await page.getByText('所查人员没有诚信档案记录').waitFor();
    await shot(page, __filename, 'integrity');
  });
});
