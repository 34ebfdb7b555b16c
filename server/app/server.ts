// The HTTP surface: GraphQL, the bundled explorer, health and readiness, on one port.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TokenService } from '../accounts/tokens';
import { actorLabel } from '../platform/actor';
import type { Config } from '../platform/config';
import { connectionConfig, isHealthy, isReachable } from '../platform/database';
import { RequestPool } from '../platform/request-db';
import type { Queryable } from '../platform/sql';
import { AppError } from '../platform/errors';
import { InvalidationListener } from '../platform/invalidation';
import { createRequestLogger, requestLogFields, type Logger, type RequestLogFields } from '../platform/logger';
import { authenticate, readCredentials } from './authenticate';
import type { Context } from '../platform/context';
import { createConsoleRouter } from './console';
import { createExplorerRouter } from './explorer';
import { createFormatError } from './format-error';
import { nulBytePlugin } from './input-guard';
import { complexityPlugin, jsonStatusPlugin, loggingPlugin, readOnlyPlugin, transactionPlugin } from './plugins';
import { queryLimits, withLimitCodes } from './query-limits';
import { createLoaders, createRoutes, createServices, startJobs } from './registry';
import { createSchema } from './schema';

export interface RunningServer {
  url: string;
  port: number;
  tokens: TokenService;
  /** The requests' connections (tests count their statements). */
  pool: RequestPool;
  /** Stops accepting requests, lets in-flight ones finish, then returns. */
  stop(): Promise<void>;
}

export async function startServer(options: {
  config: Config;
  runtime: DataSource;
  logger: Logger;
  jwtSecret: string;
}): Promise<RunningServer> {
  const { config, runtime, logger } = options;
  // one LISTEN connection per process: the caches of API keys, tenant status and latest policy revisions follow it
  const invalidations = await InvalidationListener.start({ connection: connectionConfig(runtime), logger });
  const deps = { runtime, config, jwtSecret: options.jwtSecret, invalidations, logger };
  const services = createServices(deps);
  const { tokens } = services;
  const schema = await createSchema(services);
  // requests' own connections (request-db.ts): the runtime role, apart from TypeORM's pool
  const pool = new RequestPool(connectionConfig(runtime), config.DB_POOL_SIZE);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  let ready = false;
  // Logs name a tenant by its code. Codes do not change: one lookup per tenant per process.
  const tenantCodes = new Map<string, string>();
  const tenantCodeOf = async (ctx: Context, reader: Queryable): Promise<string | null> => {
    if (!ctx.tenantId) return null;
    // read with a single statement: the request may still turn out to be a read (readOnlyPlugin)
    const code = tenantCodes.get(ctx.tenantId) ?? (await services.tenants.current({ ...ctx, db: async () => reader }))?.code;
    if (code) tenantCodes.set(ctx.tenantId, code);
    return code ?? null;
  };

  const formatError = withLimitCodes(createFormatError(logger, { fieldSuggestions: config.GRAPHQL_FIELD_SUGGESTIONS }));
  // depth, aliases, directives, tokens and batch fields: refused as QUERY_TOO_COMPLEX before anything runs
  const limits = queryLimits(config);
  const apollo = new ApolloServer<Context>({
    schema,
    // off in production unless configured on (GRAPHQL_INTROSPECTION); refused as GRAPHQL_VALIDATION_FAILED
    introspection: config.GRAPHQL_INTROSPECTION,
    // never, in any mode: format-error drops the extension too
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown order: drain HTTP, close pools, then stop the database
    stopOnTerminationSignals: false,
    formatError,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      transactionPlugin(),
      readOnlyPlugin(),
      jsonStatusPlugin(),
      nulBytePlugin(),
      ...limits.plugins,
      complexityPlugin(schema, config.MAX_QUERY_COMPLEXITY),
      loggingPlugin(formatError.report),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[A-Za-z0-9_-]{8,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    req.id = requestId;
    // every line logged for this request carries these fields, filled in as they become known
    const fields: RequestLogFields = { reqId: requestId, tenant: null, actor: null, operation: null };
    req.log = createRequestLogger(logger, fields);
    next();
  });
  app.use(accessLog(logger));

  // liveness: without its database the server serves nothing (SELECT 1, at most 1.5 s)
  app.get('/healthz', async (_req, res) => {
    if (await isHealthy(runtime, 1500)) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'database unavailable' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!ready) return void res.status(503).json({ status: 'stopping' });
    if (await isReachable(runtime)) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'database unavailable' });
  });

  // off in production unless configured on (EXPLORER): then /explorer is an unknown path
  if (config.EXPLORER) app.use(createExplorerRouter({ endpoint: '/graphql' }));
  // the console at /admin/ (and / leads there)
  app.use(createConsoleRouter(config.CONSOLE_DIR));

  // Authenticates a request (a bearer token or an API key) and builds its context: for
  // /graphql and for the modules' own routes alike. Credentials presented and not valid
  // throw an AppError with its HTTP status.
  const requestContext = async (req: Request, res: Response): Promise<Context> => {
    const requestId = res.locals.requestId as string;
    const { actor, tx } = await authenticate(readCredentials(req.headers), { runtime, pool, tokens, apiClients: services.apiClients });
    const tenantId = actor.kind === 'ACCOUNT' || actor.kind === 'API_CLIENT' ? actor.tenantId : null;
    // a request that ends without reaching willSendResponse must not keep its connection
    res.on('close', () => void tx.finish(false));
    const db = () => tx.manager();
    const ctx: Context = {
      requestId,
      clientAddress: req.ip ?? 'unknown',
      actor,
      tenantId,
      tx,
      db,
      loaders: createLoaders(db),
      log: req.log,
    };
    const fields = requestLogFields(req.log)!;
    fields.actor = actorLabel(actor);
    fields.tenant = await tenantCodeOf(ctx, tx.reader());
    return ctx;
  };

  app.use(
    '/graphql',
    // 2 MB: a provider's batch of 10,000 completions (reportTrainingCompletions) is about 1 MB of variables
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        try {
          return await requestContext(req, res);
        } catch (error) {
          if (error instanceof AppError) {
            throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus ?? 400 } } });
          }
          formatError.report(req.log, [error]);
          throw error;
        }
      },
    }),
  );

  // the modules' own routes (evidence uploads and downloads)
  for (const router of createRoutes(services, { context: requestContext })) app.use(router);

  app.use(notFoundHandler(config.EXPLORER));
  app.use(httpErrorHandler(config.EXPLORER));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  ready = true;
  // scheduled work (deadline reminders), in every process; off under NODE_ENV=test unless asked for
  const jobs = await startJobs(services, deps, logger);
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    port,
    tokens,
    pool,
    async stop() {
      ready = false;
      await jobs.stop(); // no new job starts; a running one finishes first (within SHUTDOWN_GRACE_MS)
      await apollo.stop(); // drains the HTTP server: in-flight requests finish first
      await pool.close();
      await invalidations.stop();
    },
  };
}

// ——— Express's own answers, in Chinese: the access log, unknown paths, bad bodies ———

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One line per HTTP request, when it ends: the request's fields, method, path
 * (never the query string: GET variables may hold ID numbers), status and
 * milliseconds. No headers and no bodies, so no credentials.
 */
function accessLog(logger: Logger): RequestHandler {
  const line = (req: Request, res: Response, ms: number) => ({
    ...requestLogFields(req.log),
    method: req.method,
    path: req.originalUrl.split('?')[0],
    status: res.statusCode,
    ms,
  });
  return pinoHttp<Request, Response>({
    logger,
    // req.log is already the request's logger; the access line is written with the fields above instead of req/res
    quietResLogger: true,
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : PROBES.has(req.path) ? 'debug' : 'info'),
    customSuccessMessage: (_req, res) => (res.writableEnded ? 'request completed' : 'request aborted'),
    customSuccessObject: (req, res, value: { responseTime: number }) => line(req, res, value.responseTime),
    customErrorMessage: () => 'request failed',
    // the failure itself is logged where it happened, with its cause
    customErrorObject: (req, res, _err, value: { responseTime: number }) => line(req, res, value.responseTime),
  });
}

interface HttpError {
  status: number;
  code: 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';
  message: string;
}

function notFoundHandler(explorer: boolean): RequestHandler {
  return (req, res) => sendError(req, res, { status: 404, code: 'NOT_FOUND', message: `未找到该地址：${req.method} ${req.path}` }, explorer);
}

function httpErrorHandler(explorer: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    if (!known) req.log.error({ err: error }, 'unexpected error');
    sendError(req, res, known ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试' }, explorer);
  };
}

/** body-parser's failures (marked by `type`) and other client errors, in words a user can act on. */
function toHttpError(error: unknown): HttpError | null {
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
