// The bureau's other pages in tenant binzhou: the policy as tables (at tablet
// width too), a spot check drawn and one item reviewed, training projects with
// their completions, the integrity record searched by name.
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'binzhou';
// the demo's declarations (what a spot check draws from) are of the current year
const YEAR = new Date().getFullYear();

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
      // binzhou's chain: unit → department → bureau, with its basis (004 三、(四))
      expect(await page.getByTestId('policy-review-chain').textContent()).toMatch(/用人单位.*主管部门.*人社局.*004 三、\(四\)/);
      await page.getByTestId('policy-closures').waitFor();
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
    await page.locator('input[name="year"]').fill(String(YEAR));
    await page.locator('input[name="percentage"]').fill('10');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/spotChecks\/[^/]+\/show/);
    const items = page.getByTestId('spot-check-items');
    await items.waitFor();
    const first = items.locator('tbody tr').first();
    await first.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByText('已登记为通过').waitFor();
    await page.getByRole('tab', { name: '通过', exact: true }).click();
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

  it('finds the integrity record the demo’s fraudulent declaration left, by ID number', async () => {
    const token = await tokenOf(TENANT, 'BUREAU_OFFICIAL');
    const { auditEvents } = await api<{ auditEvents: { nodes: { entityId: string }[] } }>(
      `{ auditEvents(first: 1, filter: { action: "declaration.mark_fraudulent" }) { nodes { entityId } } }`,
      {},
      token,
    );
    const { declaration } = await api<{ declaration: { professional: { idNumber: string; name: string } } }>(
      `query($id: ID!) { declaration(id: $id) { professional { idNumber name } } }`,
      { id: auditEvents.nodes[0]!.entityId },
      token,
    );
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/integrityRecords');
    await page.getByText('请输入身份证号码或姓名').waitFor();
    await page.locator('input[name="idNumber"]').fill(declaration.professional.idNumber);
    const row = page.locator('tbody tr', { hasText: declaration.professional.name });
    await row.waitFor();
    await shot(page, __filename, 'integrity');
    await row.click();
    await page.waitForURL(/#\/integrityRecords\/[^/]+\/show/);
    await page.getByText('证书系伪造').waitFor();
  });
});
