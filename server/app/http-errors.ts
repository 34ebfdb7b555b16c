// Express's own answers, in Chinese: unknown paths and bad bodies (body-parser's failures),
// as JSON in GraphQL's error shape to API clients and as a small page to browsers. The path
// without Express (graphql-http.ts) answers a bad body with the same errors (bodyError).
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { PROBES } from './request-log';

export interface HttpError {
  status: number;
  code: 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';
  message: string;
}

export function notFoundHandler(explorer: boolean): RequestHandler {
  return (req, res) => sendError(req, res, { status: 404, code: 'NOT_FOUND', message: `未找到该地址：${req.method} ${req.path}` }, explorer);
}

export function httpErrorHandler(explorer: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    if (!known) req.log.error({ err: error }, 'unexpected error');
    sendError(req, res, known ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试' }, explorer);
  };
}

/** body-parser's failures (marked by `type`) and other client errors, in words a user can act on. */
export function toHttpError(error: unknown): HttpError | null {
  const e = (error ?? {}) as { type?: string; status?: number; message?: string; limit?: number; charset?: string; encoding?: string };
  const bad = (message: string, status = 400): HttpError => ({ status, code: 'BAD_REQUEST', message });
  switch (e.type) {
    case 'entity.parse.failed': {
      const position = /at position (\d+)/.exec(e.message ?? '')?.[1];
      return bad(`请求体不是合法的 JSON${position === undefined ? '' : `（第 ${Number(position) + 1} 个字符处有误）`}`);
    }
    case 'entity.too.large':
      return bad(`请求体过大：上限为 ${formatBytes(e.limit)}`, 413);
    case 'charset.unsupported':
      return bad(`不支持请求体的字符集${e.charset ? ` ${e.charset}` : ''}，请使用 UTF-8`, 415);
    case 'encoding.unsupported':
      return bad(`不支持请求体的压缩方式${e.encoding ? ` ${e.encoding}` : ''}`, 415);
    case 'request.aborted':
      return bad('请求体未传完，连接已中断');
    case 'request.size.invalid':
      return bad('请求体长度与 Content-Length 不符');
  }
  if (error instanceof URIError) return bad('地址中有无法解码的字符');
  if (e.status && e.status >= 400 && e.status < 500) return bad('请求有误', e.status);
  return null;
}

function formatBytes(bytes: number | undefined): string {
  if (!bytes) return '服务器设定的大小';
  return bytes >= 1 << 20 ? `${+(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** JSON (the GraphQL error shape) to API clients, a small page to browsers. */
function sendError(req: Request, res: Response, error: HttpError, explorer: boolean): void {
  res.status(error.status);
  const api = req.path === '/graphql' || req.path.startsWith('/graphql/') || req.path.startsWith('/api/') || PROBES.has(req.path);
  if (api || req.is('json') || req.accepts(['html', 'json']) === 'json') {
    res.json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    return;
  }
  const title = error.status === 404 ? '未找到该页面' : error.status >= 500 ? '服务器出错了' : '请求有误';
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.type('html').send(`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#333}code{background:#f3f3f3;padding:0 .3em}</style></head>
<body>
<h1>${title}</h1>
<p>${escapeHtml(error.message)}</p>
<p>GraphQL 接口在 <code>/graphql</code>${explorer ? '；在浏览器中试用：<a href="/explorer">接口浏览器</a>' : ''}。</p>
</body>
</html>
`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A body that could not be read or parsed, described as body-parser describes it (`type`, …). */
export function bodyError(e: { type: string; message?: string; limit?: number }): HttpError {
  return toHttpError(e) ?? { status: 400, code: 'BAD_REQUEST', message: '请求有误' };
}
