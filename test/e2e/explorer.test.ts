import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Browser, chromium, Page } from 'playwright-core';
import { createExplorerRouter, EXPLORER_TITLE } from '../../server/app/explorer';

// A throwaway app of its own: the explorer router plus a one-field GraphQL endpoint.
async function startApp(): Promise<{ server: Server; apollo: ApolloServer; origin: string; seenAuthorization: string[] }> {
  const seenAuthorization: string[] = [];
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => '你好，世界' } },
  });
  await apollo.start();
  const app = express();
  app.use(createExplorerRouter({ endpoint: '/graphql' }));
  app.use('/graphql', (req, _res, next) => {
    seenAuthorization.push(req.headers.authorization ?? '');
    next();
  });
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { server, apollo, origin: `http://127.0.0.1:${port}`, seenAuthorization };
}

const EDITORS = {
  query: '.graphiql-query-editor .CodeMirror',
  // The variables and headers editors share the tool pane; the hidden one is not ours.
  headers: '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
};

// CodeMirror 5 hangs its instance on the editor's element.
async function setEditorValue(page: Page, editor: keyof typeof EDITORS, value: string): Promise<void> {
  await page.locator(EDITORS[editor]).evaluate((element, text) => {
    (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(text);
  }, value);
}

describe('GraphQL explorer (offline, bundled)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.server.close(resolve));
    await app?.apollo.stop();
  });

  test('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${app.origin}/explorer`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    const html = await response.text();
    expect(html).toContain(`<title>${EXPLORER_TITLE}</title>`);
    expect(html).not.toMatch(/<script>|<script [^>]*src="https?:/);
  });

  test('assets are served gzipped and cacheable; unknown assets are 404', async () => {
    const html = await (await fetch(`${app.origin}/explorer`)).text();
    const graphiqlUrl = /src="([^"]*graphiql\.js\?v=[^"]+)"/.exec(html)![1];
    const asset = await fetch(`${app.origin}${graphiqlUrl}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const missing = await fetch(`${app.origin}/explorer/assets/nothing.js`);
    expect(missing.status).toBe(404);
  });

  test('runs { hello } in the browser, sends the pasted token, and talks only to its own origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });

    await page.goto(`${app.origin}/explorer`);
    await expect(page.title()).resolves.toBe(EXPLORER_TITLE);
    await page.waitForSelector(EDITORS.query);
    await expect(page.locator('.graphiql-logo').textContent()).resolves.toContain(EXPLORER_TITLE);

    // The headers editor is open and offers the bearer template.
    await expect(page.locator(EDITORS.headers).textContent()).resolves.toContain('"Authorization": "Bearer "');

    // First without a token: the empty template must not be sent.
    await setEditorValue(page, 'query', '{ hello }');
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response', { hasText: '你好，世界' }).waitFor();

    // Then with a token pasted into the headers editor.
    expect(app.seenAuthorization.length).toBeGreaterThan(0);
    expect(app.seenAuthorization.every((value) => value === '')).toBe(true);

    // Then with a token pasted into the headers editor.
    await setEditorValue(page, 'headers', '{ "Authorization": "Bearer test-token-123" }');
    const authorized = page.waitForRequest(
      (request) => request.url().endsWith('/graphql') && request.headers()['authorization'] === 'Bearer test-token-123',
    );
    await page.click('.graphiql-execute-button');
    await (await authorized).response();
    expect(app.seenAuthorization).toContain('Bearer test-token-123');
    await expect(page.locator('.graphiql-response').textContent()).resolves.toContain('你好，世界');

    await page.screenshot({ path: '/tmp/explorer.png' });
    await context.close();

    const network = requests.filter((url) => !url.startsWith('data:'));
    expect(network.length).toBeGreaterThan(5);
    expect(network.filter((url) => new URL(url).origin !== app.origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
