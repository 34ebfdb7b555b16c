// The bundled explorer (Ruru) on the real server, in real Chromium: it loads
// under its Content-Security-Policy, runs queries against /graphql with and
// without a pasted token, and never talks to anything but its own origin.
import { Browser, chromium, Page } from 'playwright-core';
import { EXPLORER_TITLE } from '../../server/app/explorer';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/harness';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const EDITORS = {
  query: '.graphiql-query-editor .monaco-editor',
  // the variables and headers editors share the tool pane; the hidden one is not ours
  headers: '.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor',
};

// Monaco draws its text in a textarea-less view: select everything and type over it.
async function setEditorValue(page: Page, editor: keyof typeof EDITORS, value: string): Promise<void> {
  await page.locator(`${EDITORS[editor]} .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(value);
}

async function editorText(page: Page, editor: keyof typeof EDITORS): Promise<string> {
  // Monaco renders spaces as U+00A0
  return ((await page.locator(`${EDITORS[editor]} .view-lines`).textContent()) ?? '').replace(/\u00a0/g, ' ');
}

let app: TestApp;
let t: TenantFixture;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('GraphQL explorer (Ruru, offline, bundled)', () => {
  test('serves the page with a strict Content-Security-Policy and no inline script', async () => {
    const response = await fetch(`${app.url}/explorer`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    const html = await response.text();
    expect(html).toContain(`<title>${EXPLORER_TITLE}</title>`);
    expect(html).toContain('<html lang="zh-CN">');
    // every script is a file from our origin; the config is a JSON data block
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/explorer\/assets\/|type="application\/json"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  test('Ruru and our own assets are served gzipped and cacheable; unknown assets are 404', async () => {
    const html = await (await fetch(`${app.url}/explorer`)).text();
    const ruru = /href="([^"]*\/ruru\.css)"/.exec(html)![1]!;
    const own = /src="([^"]*explorer\.js\?v=[^"]+)"/.exec(html)![1];
    for (const url of [ruru, ruru.replace('ruru.css', 'ruru.js'), own]) {
      const asset = await fetch(`${app.url}${url}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-encoding')).toBe('gzip');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('etag')).toBeTruthy();
      // fetch() adds "cache-control: no-cache" to a conditional request unless told otherwise
      const conditional = { 'accept-encoding': 'gzip', 'if-none-match': asset.headers.get('etag')!, 'cache-control': 'max-age=0' };
      const again = await fetch(`${app.url}${url}`, { headers: conditional });
      expect(again.status).toBe(304);
    }
    expect((await fetch(`${app.url}/explorer/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${app.url}${ruru.replace('ruru.css', 'nothing.js')}`)).status).toBe(404);
    expect((await fetch(`${app.url}${ruru.replace('ruru.css', 'ruru.js.map')}`)).status).toBe(404);
    expect((await fetch(`${app.url}${ruru.replace('ruru.css', '..%2Fpackage.json')}`)).status).toBe(404);
  });

  test('runs { __typename } and then { me { kind } } with a pasted token, talking only to its own origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const origin = new URL(app.url).origin;
    const requests: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });

    await page.goto(`${app.url}/explorer`);
    await expect(page.title()).resolves.toBe(EXPLORER_TITLE);
    await page.locator(`${EDITORS.query} .view-lines`, { hasText: '__typename' }).waitFor();
    // the headers editor is open and offers the bearer template
    await expect(editorText(page, 'headers')).resolves.toContain('"Authorization": "Bearer "');

    // the default query, with the empty template: anonymous
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response', { hasText: '"__typename": "Query"' }).waitFor();

    await setEditorValue(page, 'query', '{ me { kind } }');
    await setEditorValue(page, 'headers', `{ "Authorization": "Bearer ${t.accounts.bureau.token}" }`);
    const authorized = page.waitForRequest(
      (request) => request.url() === `${app.url}/graphql` && request.headers()['authorization'] === `Bearer ${t.accounts.bureau.token}`,
    );
    await page.click('.graphiql-execute-button');
    await (await authorized).response();
    await page.locator('.graphiql-response', { hasText: '"kind": "ACCOUNT"' }).waitFor();

    await page.screenshot({ path: '/tmp/explorer.png' });
    await context.close();

    const network = requests.filter((url) => !url.startsWith('data:'));
    expect(network.filter((url) => url.includes('/assets/')).length).toBeGreaterThan(5);
    expect(network.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
