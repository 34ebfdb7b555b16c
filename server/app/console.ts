// The officials' console: the static bundle that `npm run build:admin` writes to
// CONSOLE_DIR, served at /admin/ on the API's own port, so the console reaches
// the API at /graphql without cross-origin requests. Hashed assets are cached for
// good; index.html never, so a new build is picked up at the next load.
import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CSP = [
  "default-src 'self'",
  // emotion (MUI's styling) injects <style> elements at run time
  "style-src 'self' 'unsafe-inline'",
  // evidence previews are fetched with the token and shown from blob: URLs
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function createConsoleRouter(consoleDir: string): Router {
  const root = path.resolve(consoleDir);
  const index = path.join(root, 'index.html');
  const router = express.Router({ strict: true });
  router.get('/', (_req, res) => res.redirect('/admin/'));
  router.get('/admin', (_req, res) => res.redirect('/admin/'));
  router.use(
    '/admin/assets',
    express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.get('/admin/', (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('管理控制台尚未构建：请先运行 npm run build:admin（npm start 会自动构建）。\n');
      return;
    }
    res.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    res.sendFile(index);
  });
  return router;
}
