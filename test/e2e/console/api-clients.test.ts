// API clients in the bureau's console (tenant binzhou): creating one shows its
// key once, in a dialog with a warning, and the key works; revoking asks for a
// confirmation first, and the key stops working.
import type { Page } from 'playwright-core';
import { type ConsoleBrowser, consoleUrl, launchBrowser, shot, signInAs } from './support/browser';

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** `me` with an API key (the header the dialog names): the client's label, or the error code. */
async function meWithKey(apiKey: string): Promise<string> {
  const res = await fetch(`${consoleUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: '{ me { kind label } }' }),
  });
  const body = (await res.json()) as { data?: { me: { kind: string; label: string } }; errors?: { extensions?: { code?: string } }[] };
  return body.errors?.length ? `error:${body.errors[0]!.extensions?.code}` : `${body.data!.me.kind}:${body.data!.me.label}`;
}

async function createClient(page: Page, name: string): Promise<string> {
  await page.goto('/admin/#/apiClients/create');
  await page.locator('input[name="name"]').fill(name);
  await page.getByLabel('查询学时完成情况与职称资格').check();
  await page.getByRole('button', { name: '保存' }).click();
  const dialog = page.getByTestId('secret-dialog');
  await dialog.waitFor();
  return page.getByTestId('api-key').inputValue();
}

describe('API clients', () => {
  it('create shows the key once, with a warning and a copy button, and the key works', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'binzhou', 'BUREAU_OFFICIAL');
    const name = `职称评审系统-${Date.now()}`;
    const apiKey = await createClient(page, name);
    const dialog = page.getByTestId('secret-dialog');
    expect(apiKey.length).toBeGreaterThan(20);
    expect(await dialog.textContent()).toContain('只显示这一次');
    expect(await dialog.getByRole('button', { name: '复制密钥' }).count()).toBe(2); // the field's icon and the dialog's button
    await shot(page, __filename, 'secret-once');
    expect(await meWithKey(apiKey)).toMatch(/^API_CLIENT:/);

    await page.getByTestId('secret-done').click();
    await page.waitForURL(/#\/apiClients$/);
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('有效');
    // the key is nowhere on the page any more, nor after a reload
    expect(await page.content()).not.toContain(apiKey);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(apiKey);
  });

  it('revoke asks for a confirmation; cancelling keeps the client, confirming revokes it', async () => {
    const page = await browser.newPage({ width: 768, height: 1000 });
    await signInAs(page, 'binzhou', 'BUREAU_OFFICIAL');
    const name = `施教机构-${Date.now()}`;
    const apiKey = await createClient(page, name);
    await page.getByTestId('secret-done').click();
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();

    await row.getByTestId('revoke').click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`吊销客户端“${name}”`);
    await shot(page, __filename, 'revoke-confirm-tablet');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await meWithKey(apiKey)).toMatch(/^API_CLIENT:/);

    await row.getByTestId('revoke').click();
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
    expect(await row.getByTestId('revoke').count()).toBe(0);
    expect(await meWithKey(apiKey)).toMatch(/^error:/);
    await shot(page, __filename, 'revoked-tablet');
  });
});
