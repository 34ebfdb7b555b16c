// The GraphQL explorer bundled with the product: GraphiQL 3 with React 18,
// served from node_modules so it works on networks without internet access
// (Apollo's default landing page loads from a CDN). The page runs under a
// strict Content-Security-Policy: scripts and connections only to 'self'.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Request, Response, Router } from 'express';

export interface ExplorerOptions {
  /** Where the page sends queries, e.g. '/graphql' (same origin) or an absolute URL. */
  endpoint: string;
  /** Where the page is served; assets live under `${path}/assets/`. */
  path?: string;
}

export const EXPLORER_TITLE = '继续教育平台 GraphQL 接口';

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  version: string;
}

type AssetName = 'react.js' | 'react-dom.js' | 'graphiql.js' | 'graphiql.css' | 'explorer.js' | 'explorer.css';

// Order matters: GraphiQL's UMD bundle expects window.React and window.ReactDOM.
const SCRIPTS: AssetName[] = ['react.js', 'react-dom.js', 'graphiql.js', 'explorer.js'];
const STYLES: AssetName[] = ['graphiql.css', 'explorer.css'];

const DEFAULT_QUERY = `# 欢迎使用${EXPLORER_TITLE}。
#
# 需要登录的操作：在下方 Headers（请求头）中填写
#   { "Authorization": "Bearer <令牌>" }
# 按 Ctrl+Enter 运行，Ctrl+Space 自动补全。

{
  __typename
}
`;

const DEFAULT_HEADERS = `{
  "Authorization": "Bearer "
}`;

// Runs in the browser. Kept as a file of its own because the CSP forbids inline scripts.
const EXPLORER_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('explorer');
  var config = JSON.parse(root.getAttribute('data-config'));
  var send = GraphiQL.createFetcher({ url: config.endpoint });

  // The header template ships with an empty bearer token; do not send it until filled in.
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    Object.keys(headers).forEach(function (name) {
      if (name.toLowerCase() === 'authorization' && /^\\s*bearer\\s*(<[^>]*>)?\\s*$/i.test(String(headers[name]))) {
        delete headers[name];
      }
    });
    return send(params, Object.assign({}, options, { headers: headers }));
  }

  var e = React.createElement;
  ReactDOM.createRoot(root).render(
    e(
      GraphiQL,
      {
        fetcher: fetcher,
        defaultQuery: config.defaultQuery,
        defaultHeaders: config.defaultHeaders,
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        defaultEditorToolsVisibility: 'headers',
        storage: GraphiQL.createLocalStorage({ namespace: 'ce-platform-explorer' }),
      },
      e(GraphiQL.Logo, null, config.title)
    )
  );
})();
`;

const EXPLORER_STYLE = `html, body, #explorer { height: 100%; margin: 0; }
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.explorer-loading { padding: 2rem; color: #555; }
.graphiql-container .graphiql-logo { white-space: nowrap; }
`;

/** GET `${path}` serves the page, GET `${path}/assets/:name` its scripts and styles. */
export function createExplorerRouter(options: ExplorerOptions): Router {
  const path = (options.path ?? '/explorer').replace(/\/+$/, '');
  const contentSecurityPolicy = toContentSecurityPolicy(options.endpoint);
  const router = Router();
  let assets: Map<AssetName, Asset> | undefined;
  // Read lazily: the bundles are 4 MB and most processes never serve the page.
  const loadAssets = (): Map<AssetName, Asset> => (assets ??= readAssets());

  router.get(path, (req: Request, res: Response) => {
    const base = `${req.baseUrl}${path}/assets`;
    const html = renderPage(base, loadAssets(), options.endpoint);
    setSecurityHeaders(res, contentSecurityPolicy);
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(html);
  });

  router.get(`${path}/assets/:name`, (req: Request, res: Response) => {
    const asset = loadAssets().get(req.params.name as AssetName);
    if (!asset) {
      res.status(404).type('text').send('未找到该资源');
      return;
    }
    // URLs carry the content hash, so a matching version can be cached for good.
    const immutable = req.query.v === asset.version;
    setSecurityHeaders(res, contentSecurityPolicy);
    res.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.set('Vary', 'Accept-Encoding');
    res.type(asset.type);
    const gzip = req.acceptsEncodings('gzip') === 'gzip';
    res.set('ETag', `"${asset.version}${gzip ? '-gz' : ''}"`);
    if (gzip) res.set('Content-Encoding', 'gzip');
    res.send(gzip ? asset.gzip : asset.body);
  });

  return router;
}

function renderPage(base: string, assets: Map<AssetName, Asset>, endpoint: string): string {
  const url = (name: AssetName) => escapeHtml(`${base}/${name}?v=${assets.get(name)!.version}`);
  const config = { endpoint, title: EXPLORER_TITLE, defaultQuery: DEFAULT_QUERY, defaultHeaders: DEFAULT_HEADERS };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(EXPLORER_TITLE)}</title>
<link rel="icon" href="data:,">
${STYLES.map((name) => `<link rel="stylesheet" href="${url(name)}">`).join('\n')}
</head>
<body>
<div id="explorer" data-config="${escapeHtml(JSON.stringify(config))}">
<p class="explorer-loading">正在加载${escapeHtml(EXPLORER_TITLE)}…</p>
<noscript>请启用 JavaScript 以使用${escapeHtml(EXPLORER_TITLE)}。</noscript>
</div>
${SCRIPTS.map((name) => `<script src="${url(name)}"></script>`).join('\n')}
</body>
</html>
`;
}

function readAssets(): Map<AssetName, Asset> {
  const graphiql = packageDir('graphiql');
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const sources: [AssetName, string, Buffer][] = [
    ['react.js', js, readFileSync(join(react, 'umd/react.production.min.js'))],
    ['react-dom.js', js, readFileSync(join(reactDom, 'umd/react-dom.production.min.js'))],
    ['graphiql.js', js, withoutSourceMapComment(readFileSync(join(graphiql, 'graphiql.min.js')))],
    ['graphiql.css', css, withoutSourceMapComment(readFileSync(join(graphiql, 'graphiql.min.css')))],
    ['explorer.js', js, Buffer.from(EXPLORER_SCRIPT)],
    ['explorer.css', css, Buffer.from(EXPLORER_STYLE)],
  ];
  return new Map(
    sources.map(([name, type, body]) => [
      name,
      { type, body, gzip: gzipSync(body), version: createHash('sha256').update(body).digest('hex').slice(0, 12) },
    ]),
  );
}

// react and react-dom restrict deep imports through "exports", but allow package.json.
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

// The source maps are not served; the comment would make devtools ask for them.
function withoutSourceMapComment(source: Buffer): Buffer {
  return Buffer.from(source.toString('utf8').replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '\n'));
}

function toContentSecurityPolicy(endpoint: string): string {
  const connect = ["'self'"];
  if (/^https?:\/\//i.test(endpoint)) connect.push(new URL(endpoint).origin);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // GraphiQL and its editors set style attributes and inject <style> elements at runtime.
    "style-src 'self' 'unsafe-inline'",
    // The stylesheet embeds its fonts and icons as data: URLs.
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
