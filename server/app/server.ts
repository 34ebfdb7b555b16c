// The HTTP surface: GraphQL, the bundled explorer, health and readiness, on one port.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TokenService } from '../accounts/tokens';
import { actorLabel } from '../platform/actor';
import type { Config } from '../platform/config';
import { AppError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { authenticate, readCredentials } from './authenticate';
import type { Context } from '../platform/context';
import { createExplorerRouter } from './explorer';
import { createFormatError } from './format-error';
import { complexityPlugin, loggingPlugin, transactionPlugin } from './plugins';
import { createLoaders, createServices } from './registry';
import { createSchema } from './schema';

export interface RunningServer {
  url: string;
  port: number;
  tokens: TokenService;
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
  const services = createServices({ runtime, config, jwtSecret: options.jwtSecret });
  const { tokens } = services;
  const schema = await createSchema(services);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  let ready = false;

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // main.ts owns shutdown order: drain HTTP, close pools, then stop the database
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      transactionPlugin(),
      complexityPlugin(schema, config.MAX_QUERY_COMPLEXITY),
      loggingPlugin(),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[A-Za-z0-9_-]{8,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!ready) return void res.status(503).json({ status: 'stopping' });
    try {
      await runtime.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(createExplorerRouter({ endpoint: '/graphql' }));
  app.get('/', (_req, res) => res.redirect('/explorer'));

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const requestId: string = res.locals.requestId;
        let authenticated;
        try {
          authenticated = await authenticate(readCredentials(req.headers), { runtime, tokens, apiClients: services.apiClients });
        } catch (error) {
          if (error instanceof AppError) {
            throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus ?? 400 } } });
          }
          throw error;
        }
        const { actor, tx } = authenticated;
        const tenantId = actor.kind === 'ACCOUNT' || actor.kind === 'API_CLIENT' ? actor.tenantId : null;
        // a request that ends without reaching willSendResponse must not keep its connection
        res.on('close', () => void tx.finish(false));
        const db = () => tx.manager();
        return {
          requestId,
          clientAddress: req.ip ?? 'unknown',
          actor,
          tenantId,
          tx,
          db,
          loaders: createLoaders(db),
          log: logger.child({ requestId, tenant: tenantId, actor: actorLabel(actor) }),
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  ready = true;
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    port,
    tokens,
    async stop() {
      ready = false;
      await apollo.stop(); // drains the HTTP server: in-flight requests finish first
    },
  };
}
