// The HTTP surface: GraphQL, the bundled explorer, health and readiness, on one port.
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TokenService } from '../accounts/tokens';
import { actorLabel } from '../platform/actor';
import type { Config } from '../platform/config';
import { connectionConfig, isHealthy, isReachable } from '../platform/database';
import { ReplicaReader, replicaConnection } from '../platform/read-replica';
import { RequestPool } from '../platform/request-db';
import type { Queryable } from '../platform/sql';
import { AppError } from '../platform/errors';
import { InvalidationListener } from '../platform/invalidation';
import type { Logger } from '../platform/logger';
import { authenticate, readCredentials } from './authenticate';
import type { Context } from '../platform/context';
import { createConsoleRouter } from './console';
import { createExplorerRouter } from './explorer';
import { createFormatError } from './format-error';
import { chainPlugins } from './plugin-chain';
import { createGraphqlHandler, isPlainGraphqlPost } from './graphql-http';
import { httpErrorHandler, notFoundHandler } from './http-errors';
import { countListRows, createMetrics, METRICS_PATH, metricsHandler, startMetricsServer, watchPools } from './metrics-endpoint';
import { beginRequest, requestInfo, type RequestInfo } from './request-log';
import { nulBytePlugin } from './input-guard';
import { complexityPlugin, jsonStatusPlugin, loggingPlugin, readOnlyPlugin, transactionPlugin } from './plugins';
import { queryLimits, withLimitCodes } from './query-limits';
import { createLoaders, createRoutes, createServices, startJobs } from './registry';
import { createSchema } from './schema';

/** 2 MB: a provider's batch of 10,000 completions (reportTrainingCompletions) is about 1 MB of variables. */
const GRAPHQL_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface RunningServer {
  url: string;
  port: number;
  tokens: TokenService;
  /** The requests' connections (tests count their statements). */
  pool: RequestPool;
  /** Where the metrics are scraped: METRICS_PORT's address, or this server's /metrics with METRICS_TOKEN; null when off. */
  metricsUrl: string | null;
  /** The heavy reads' standby (READ_DATABASE_URL); null without one. */
  replica: ReplicaReader | null;
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
  // off unless METRICS_PORT or METRICS_TOKEN is set (metrics-endpoint.ts)
  const metrics = createMetrics(config);
  const deps = { runtime, config, jwtSecret: options.jwtSecret, invalidations, logger, ...(metrics ? { metrics } : {}) };
  const services = createServices(deps);
  const { tokens } = services;
  const schema = await createSchema(services);
  // requests' own connections (request-db.ts): the runtime role, apart from TypeORM's pool
  const pool = new RequestPool(connectionConfig(runtime), config.DB_POOL_SIZE);
  if (metrics) {
    watchPools(metrics, pool, runtime);
    countListRows(schema, metrics);
  }
  // the heavy reads' own connections, on the standby when there is one (read-replica.ts)
  const replica = config.READ_DATABASE_URL
    ? new ReplicaReader({
        connection: replicaConnection(connectionConfig(runtime), config.READ_DATABASE_URL),
        poolSize: config.DB_POOL_SIZE,
        maxLagMs: config.READ_REPLICA_MAX_LAG_MS,
        primary: runtime,
        logger,
      })
    : null;

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer();
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
      // no HTTP caching of GraphQL answers here; on, it wraps every field's resolver to compute cache hints
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      // in this order: the operation's name reaches the log before any refusal
      chainPlugins([
        loggingPlugin(formatError.report),
        readOnlyPlugin(),
        nulBytePlugin(),
        complexityPlugin(schema, config.MAX_QUERY_COMPLEXITY),
        transactionPlugin(),
        jsonStatusPlugin(),
      ]),
    ],
  });
  await apollo.start();

  // the request's id and logger (beginRequest, in the server's handler below) for Express's routes
  app.use((req, res, next) => {
    res.locals.requestId = requestInfo(req).requestId;
    next();
  });

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

  // on this port only behind its token, and not at all when the metrics have a port of their own
  if (metrics && config.METRICS_TOKEN && config.METRICS_PORT === undefined) app.get(METRICS_PATH, metricsHandler(metrics, config.METRICS_TOKEN));
  // off in production unless configured on (EXPLORER): then /explorer is an unknown path
  if (config.EXPLORER) app.use(createExplorerRouter({ endpoint: '/graphql' }));
  // the console at /admin/ (and / leads there)
  app.use(createConsoleRouter(config.CONSOLE_DIR));

  // Authenticates a request (a bearer token or an API key) and builds its context: for
  // /graphql and for the modules' own routes alike. Credentials presented and not valid
  // throw an AppError with its HTTP status.
  const requestContext = async (req: IncomingMessage, res: ServerResponse, info: RequestInfo = requestInfo(req)): Promise<Context> => {
    const requestId = info.requestId;
    const clientAddress = req.socket.remoteAddress ?? 'unknown';
    const { actor, tx } = await authenticate(readCredentials(req.headers), { runtime, pool, replica, tokens, apiClients: services.apiClients }, clientAddress);
    const tenantId = actor.kind === 'ACCOUNT' || actor.kind === 'API_CLIENT' ? actor.tenantId : null;
    // a request that ends without reaching willSendResponse must not keep its connection
    res.on('close', () => void tx.finish(false));
    const db = () => tx.manager();
    const ctx: Context = {
      requestId,
      clientAddress,
      actor,
      tenantId,
      tx,
      db,
      loaders: createLoaders(db),
      log: info.log,
    };
    const fields = info.fields;
    fields.actor = actorLabel(actor);
    fields.tenant = await tenantCodeOf(ctx, tx.reader());
    return ctx;
  };

  // Authentication failures as GraphQL errors with their HTTP status (401, 403).
  const graphqlContext = async (req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<Context> => {
    try {
      return await requestContext(req, res, info);
    } catch (error) {
      if (error instanceof AppError) {
        // a refusal that says when to come back (TOO_MANY_REQUESTS) says it in Retry-After too
        const retryAfter = error.extensions?.retryAfter;
        const http = { status: error.httpStatus ?? 400, ...(typeof retryAfter === 'number' ? { headers: new HeaderMap([['retry-after', String(retryAfter)]]) } : {}) };
        throw new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.code, http } });
      }
      formatError.report(info.log, [error]);
      throw error;
    }
  };
  // POSTs of JSON to /graphql (nearly all of them) skip Express; the rest go through it below
  const plainGraphql = createGraphqlHandler({ apollo, maxBodyBytes: GRAPHQL_MAX_BODY_BYTES, context: graphqlContext });
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const info = beginRequest(req, res, logger, metrics);
    if (isPlainGraphqlPost(req)) void plainGraphql(req, res, info);
    else app(req, res);
  });

  app.use(
    '/graphql',
    express.json({ limit: GRAPHQL_MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => graphqlContext(req, res, requestInfo(req)),
    }),
  );

  // the modules' own routes (evidence uploads and downloads)
  for (const router of createRoutes(services, { context: (req, res) => requestContext(req, res) })) app.use(router);

  app.use(notFoundHandler(config.EXPLORER));
  app.use(httpErrorHandler(config.EXPLORER));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const metricsServer = metrics && config.METRICS_PORT !== undefined ? await startMetricsServer(metrics, config) : null;
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
    metricsUrl: metricsServer?.url ?? (metrics ? `http://${host}:${port}${METRICS_PATH}` : null),
    replica,
    async stop() {
      ready = false;
      await jobs.stop(); // no new job starts; a running one finishes first (within SHUTDOWN_GRACE_MS)
      await apollo.stop(); // drains the HTTP server: in-flight requests finish first
      await pool.close();
      await replica?.close();
      await invalidations.stop();
      await metricsServer?.stop();
    },
  };
}
