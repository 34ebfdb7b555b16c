// Driving the console in Debian's Chromium (playwright-core), against the product
// that global-setup.ts started. Screenshots go to test/e2e/screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Download, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '../../screenshots');

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type DemoRole = 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL' | 'PROFESSIONAL' | 'OPERATOR';

export interface DemoAccount {
  tenant: string;
  role: string;
  username: string;
  password?: string;
  displayName?: string;
  organisation?: string;
  [key: string]: unknown;
}

export function consoleUrl(): string {
  const url = process.env.CONSOLE_URL;
  if (!url) throw new Error('CONSOLE_URL is not set: run through jest (the browser project starts the product)');
  return url;
}

/** Every demo account the product wrote at its first start (with their passwords). */
export function demoAccounts(): DemoAccount[] {
  const dir = process.env.CONSOLE_DATA_DIR;
  if (!dir) throw new Error('CONSOLE_DATA_DIR is not set: run through jest');
  return JSON.parse(readFileSync(path.join(dir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
}

export function demoAccount(tenant: string, role: DemoRole, nth = 0): DemoAccount & { password: string } {
  const found = demoAccounts().filter((a) => (role === 'OPERATOR' ? a.tenant === '-' : a.tenant === tenant && a.role === role))[nth];
  if (!found?.password) throw new Error(`no demo ${role} account with a password in ${tenant}`);
  return found as DemoAccount & { password: string };
}

export interface ConsoleBrowser {
  browser: Browser;
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, as every browser test starts it. */
export const LAUNCH = { executablePath: '/usr/bin/chromium', args: FLAGS, headless: true };

/**
 * The run's one Chromium (global-setup.ts starts it and sets CONSOLE_BROWSER_WS),
 * connected to; each file works in contexts of its own and closing disconnects.
 * A start costs ~2.5 CPU-seconds, so one per run rather than one per file.
 */
export async function launchBrowser(): Promise<ConsoleBrowser> {
  const ws = process.env.CONSOLE_BROWSER_WS;
  const browser = ws ? await chromium.connect(ws) : await chromium.launch(LAUNCH);
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: options.locale ?? 'zh-CN',
        baseURL: consoleUrl(),
      });
      contexts.push(context);
      const page = await context.newPage();
      // generous: under `npm test` the 2-core machine runs three browser files and their server at once
      page.setDefaultTimeout(30000);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Signs in through the sign-in page and waits for the console's home page. */
export async function signIn(page: Page, account: { tenant: string; username: string; password: string }, operator = false): Promise<void> {
  await page.goto('/admin/#/login');
  if (operator) await page.locator('input[name="operator"]').check();
  else await page.locator('input[name="tenantCode"]').fill(account.tenant);
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 20000 });
}

/**
 * Signs in as a demo account of `tenant` with `role`. Through the sign-in form
 * when `viaForm` (sign-in.test.ts tests the form itself); otherwise the token
 * comes from the same signIn mutation the form calls and is handed to the
 * console as the form would store it, which spares a page load per sign-in.
 */
export async function signInAs(page: Page, tenant: string, role: DemoRole, nth = 0, options: { viaForm?: boolean } = {}): Promise<DemoAccount & { password: string }> {
  const account = demoAccount(tenant, role, nth);
  if (options.viaForm) await signIn(page, { tenant, username: account.username, password: account.password }, role === 'OPERATOR');
  else await useSession(page, await sessionOf(tenant, role, nth));
  return account;
}

/** The console's stored session (admin/src/providers/session.ts) for a demo account. */
export async function sessionOf(tenant: string, role: DemoRole, nth = 0): Promise<Record<string, unknown>> {
  return sessionOfToken(await tokenOf(tenant, role, nth));
}

/** The console's stored session for any account's token (one a test made and activated itself). */
export async function sessionOfToken(token: string): Promise<Record<string, unknown>> {
  const { me } = await api<{ me: { kind: string; label: string; displayName: string | null; role: string | null; tenant: { code: string; name: string } | null; organisation: { id: string; name: string } | null; professional: { id: string } | null } }>(
    `{ me { kind label displayName role tenant { code name } organisation { id name } professional { id } } }`,
    {},
    token,
  );
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
  return {
    token,
    expiresAt: new Date(exp * 1000).toISOString(),
    role: me.kind === 'OPERATOR' ? 'OPERATOR' : me.role,
    label: me.displayName ?? me.label,
    tenantCode: me.tenant?.code ?? null,
    tenantName: me.tenant?.name ?? null,
    organisationId: me.organisation?.id ?? null,
    organisationName: me.organisation?.name ?? null,
    professionalId: me.professional?.id ?? null,
  };
}

/** Opens the console's home page signed in with `session` (stored once per tab, as the sign-in form stores it). */
export async function useSession(page: Page, session: Record<string, unknown>): Promise<void> {
  await page.addInitScript((value) => {
    if (sessionStorage.getItem('ce.test-session')) return;
    sessionStorage.setItem('ce.test-session', '1');
    localStorage.setItem('ce.session', value);
  }, JSON.stringify(session));
  await page.goto('/admin/#/');
  await page.locator('[data-menu]').first().waitFor({ state: 'attached', timeout: 20000 });
}

/** Saves a full-page screenshot as <file>-<name>.png for a reviewer to look at. */
export async function shot(page: Page, file: string, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${path.basename(file).replace(/\.test\.ts$/, '')}-${name}.png`), fullPage: true });
}

/** A GraphQL request with a token (for a test's setup and checks, never instead of the console). */
export async function api<T = Record<string, unknown>>(query: string, variables: object = {}, token?: string): Promise<T> {
  const res = await fetch(`${consoleUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`${body.errors[0]!.extensions?.code}: ${body.errors[0]!.message}`);
  return body.data;
}

/** A demo account's token, through the sign-in mutation. */
export async function tokenOf(tenant: string, role: DemoRole, nth = 0): Promise<string> {
  const a = demoAccount(tenant, role, nth);
  if (role === 'OPERATOR') {
    const d = await api<{ operatorSignIn: { token: string } }>(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username: a.username, password: a.password } });
    return d.operatorSignIn.token;
  }
  const d = await api<{ signIn: { token: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: tenant, username: a.username, password: a.password } });
  return d.signIn.token;
}

/** A download's bytes (the run's Chromium is connected to, so its files are read as a stream, not from a path). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
