// The GraphQL explorer bundled with the product: Ruru (Graphile's maintained
// GraphiQL distribution), its page and assets served from our own origin so
// it works on networks without internet access (Apollo's default landing page
// and Ruru's own default both load from a CDN). The page runs under a strict
// Content-Security-Policy: scripts, workers and connections only to 'self'.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import { NextFunction, Request, Response, Router } from 'express';
import type * as RuruServer from 'ruru/dist/server';

// tsconfig's "node" module resolution does not read package "exports", the
// only way in to ruru's subpaths at run time; the types come from dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ruruHTML } = require('ruru/server') as typeof RuruServer;
type ClientConfig = NonNullable<RuruServer.RuruServerConfig['clientConfig']>;
const gzip = promisify(gzipCallback);

export interface ExplorerOptions {
  /** Where the page sends queries, e.g. '/graphql' (same origin) or an absolute URL. */
  endpoint: string;
  /** Where the page is served; assets live under `${path}/assets/`. */
  path?: string;
}

export const EXPLORER_TITLE = '继续教育平台 GraphQL 接口';

const DEFAULT_QUERY = `# 欢迎使用${EXPLORER_TITLE}。
#
# 需要登录的操作：在下方 Headers（请求头）中填写
#   { "Authorization": "Bearer <令牌>" }
# 按 Ctrl+Enter 运行，Ctrl+Space 自动补全。

{
  __typename
}
`;

// An empty bearer is no credential: the server reads "Bearer" alone as anonymous.
const DEFAULT_HEADERS = `{
  "Authorization": "Bearer "
}`;

// Runs in the browser as a module of its own: the CSP forbids inline scripts,
// so this replaces the inline scripts of Ruru's page. The Monaco workers load
// from our origin; Ruru loads its chunks from beside ruru.js.
const EXPLORER_SCRIPT = `const config = JSON.parse(document.getElementById('ruru-config').textContent);
const worker = (file) => new Worker(new URL(config.staticPath + file, location.href), { type: 'module' });
globalThis.MonacoEnvironment = {
  getWorker(_, label) {
    return worker(label === 'json' ? 'jsonWorker.js' : label === 'graphql' ? 'graphqlWorker.js' : 'editorWorker.js');
  },
};
const { React, createRoot, Ruru } = await import(config.staticPath + 'ruru.js');
createRoot(document.getElementById('ruru-root')).render(React.createElement(Ruru, config));
`;

const EXPLORER_STYLE = `body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
#ruru-root { height: 100vh; }
.explorer-loading { padding: 2rem; color: #555; }
`;

interface OwnAsset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  version: string;
}

const OWN_ASSETS = new Map<string, OwnAsset>(
  (
    [
      ['explorer.js', 'text/javascript; charset=utf-8', EXPLORER_SCRIPT],
      ['explorer.css', 'text/css; charset=utf-8', EXPLORER_STYLE],
    ] as const
  ).map(([name, type, text]) => {
    const body = Buffer.from(text);
    return [name, { type, body, gzip: gzipSync(body), version: createHash('sha256').update(body).digest('hex').slice(0, 12) }];
  }),
);

const RURU_DIR = join(dirname(require.resolve('ruru/server')), '..');
const RURU_VERSION = (JSON.parse(readFileSync(join(RURU_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET `${path}` serves the page, GET `${path}/assets/…` Ruru's bundle and our two small files. */
export function createExplorerRouter(options: ExplorerOptions): Router {
  const path = (options.path ?? '/explorer').replace(/\/+$/, '');
  // Ruru's files are named by chunk, not by content: the version in the path makes them immutable.
  const ruruPath = `${path}/assets/ruru-${RURU_VERSION}/`;
  const contentSecurityPolicy = toContentSecurityPolicy(options.endpoint);
  const router = Router();

  router.get(path, (req: Request, res: Response) => {
    setSecurityHeaders(res, contentSecurityPolicy);
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(renderPage(`${req.baseUrl}${path}/assets/`, `${req.baseUrl}${ruruPath}`, options.endpoint));
  });

  // an unknown file falls through to the server's 404
  router.get(`${ruruPath}:file`, (req: Request, res: Response, next: NextFunction) => {
    sendRuruFile(req, res, next, contentSecurityPolicy).catch(next);
  });

  router.get(`${path}/assets/:name`, (req: Request, res: Response, next: NextFunction) => {
    const asset = OWN_ASSETS.get(req.params.name as string);
    if (!asset) return next();
    setSecurityHeaders(res, contentSecurityPolicy);
    res.set('Cache-Control', req.query.v === asset.version ? IMMUTABLE : 'no-cache');
    res.set('Vary', 'Accept-Encoding');
    res.type(asset.type);
    const gzip = req.acceptsEncodings('gzip') === 'gzip';
    res.set('ETag', `"${asset.version}${gzip ? '-gz' : ''}"`);
    if (gzip) res.set('Content-Encoding', 'gzip');
    res.send(gzip ? asset.gzip : asset.body);
  });

  return router;
}

function renderPage(assets: string, staticPath: string, endpoint: string): string {
  const own = (name: string) => escapeHtml(`${assets}${name}?v=${OWN_ASSETS.get(name)!.version}`);
  const html = ruruHTML({
    staticPath,
    endpoint,
    // ruru's types take these props from ruru-components, which is not installed: they read as all required.
    clientConfig: {
      defaultQuery: DEFAULT_QUERY,
      defaultHeaders: DEFAULT_HEADERS,
      isHeadersEditorEnabled: true,
      // Grafast's plan and SQL views mean nothing to an Apollo server.
      debugTools: [],
    } as Partial<ClientConfig> as ClientConfig,
    htmlParts: {
      metaTags: (original) =>
        `${original}\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n<link rel="icon" href="data:,">`,
      titleTag: `<title>${escapeHtml(EXPLORER_TITLE)}</title>`,
      styleTags: `<link rel="stylesheet" href="${escapeHtml(staticPath)}ruru.css">\n<link rel="stylesheet" href="${own('explorer.css')}">`,
      // A data block, not a script: the CSP allows no inline script.
      configScript: (_original, clientConfig) =>
        `<script type="application/json" id="ruru-config">${JSON.stringify(clientConfig).replace(/</g, '\\u003c')}</script>`,
      headerScripts: '',
      bodyContent: `<div id="ruru-root">
<p class="explorer-loading">正在加载${escapeHtml(EXPLORER_TITLE)}…</p>
<noscript>请启用 JavaScript 以使用${escapeHtml(EXPLORER_TITLE)}。</noscript>
</div>`,
      bodyScripts: '',
      bodyInitScript: `<script type="module" src="${own('explorer.js')}"></script>`,
    },
  });
  return html.replace('<html lang="en">', '<html lang="zh-CN">');
}

// Ruru's `static/` folder, the one its CDN default points at. (ruru/static's
// own server loads its copy with a dynamic import(), which jest's VM refuses.)
// Source maps stay out: nothing asks for them but open devtools.
const RURU_STATIC = join(RURU_DIR, 'static');
const RURU_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};
let ruruFiles: Set<string> | undefined;
const ruruCache = new Map<string, Promise<{ body: Buffer; gzip: Buffer; etag: string }>>();

function loadRuruFile(name: string) {
  ruruFiles ??= new Set(readdirSync(RURU_STATIC).filter((file) => RURU_TYPES[extname(file)]));
  if (!ruruFiles.has(name)) return null;
  let loaded = ruruCache.get(name);
  if (!loaded) {
    loaded = (async () => {
      const body = await readFile(join(RURU_STATIC, name));
      return { body, gzip: await gzip(body), etag: createHash('sha256').update(body).digest('base64url').slice(0, 22) };
    })();
    loaded.catch(() => ruruCache.delete(name));
    ruruCache.set(name, loaded);
  }
  return loaded;
}

async function sendRuruFile(req: Request, res: Response, next: NextFunction, contentSecurityPolicy: string): Promise<void> {
  const name = req.params.file as string;
  const loading = loadRuruFile(name);
  if (!loading) return next();
  const file = await loading;
  setSecurityHeaders(res, contentSecurityPolicy);
  res.set('Cache-Control', IMMUTABLE);
  res.set('Vary', 'Accept-Encoding');
  res.type(RURU_TYPES[extname(name)]!);
  const gzipped = req.acceptsEncodings('gzip') === 'gzip';
  res.set('ETag', `"${file.etag}${gzipped ? '-gz' : ''}"`);
  if (gzipped) res.set('Content-Encoding', 'gzip');
  res.send(gzipped ? file.gzip : file.body);
}

function toContentSecurityPolicy(endpoint: string): string {
  const connect = ["'self'"];
  if (/^https?:\/\//i.test(endpoint)) connect.push(new URL(endpoint).origin);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Monaco's language services run in module workers loaded from the same origin.
    "worker-src 'self'",
    // GraphiQL and Monaco set style attributes and inject <style> elements at runtime.
    "style-src 'self' 'unsafe-inline'",
    // The stylesheet embeds most fonts and icons as data: URLs.
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function setSecurityHeaders(res: Response, contentSecurityPolicy: string): void {
  res.set({
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
