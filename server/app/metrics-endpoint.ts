// /metrics for Prometheus, never public: on a port of its own (METRICS_PORT, loopback by
// default) or, on the API's port, only with the token (METRICS_TOKEN); with neither set there
// are no metrics and /metrics is an unknown path. The registry (platform/metrics-registry.ts)
// also learns of every list page answered (countListRows) and reads the pools at each scrape.
import { createHash, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphQLSchema, isObjectType, getNamedType } from 'graphql';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Config } from '../platform/config';
import { MetricsRegistry } from '../platform/metrics-registry';
import { Connection } from '../platform/pagination';
import type { RequestPool } from '../platform/request-db';

export const METRICS_PATH = '/metrics';

/** The process's metrics when configured (METRICS_PORT or METRICS_TOKEN), else null. */
export function createMetrics(config: Pick<Config, 'METRICS_PORT' | 'METRICS_TOKEN'>): MetricsRegistry | null {
  return config.METRICS_PORT !== undefined || config.METRICS_TOKEN !== undefined ? new MetricsRegistry() : null;
}

/** Reports the request pool (with its waits) and TypeORM's pool of the runtime role. */
export function watchPools(metrics: MetricsRegistry, requests: RequestPool, runtime: DataSource): void {
  requests.observeWaits((seconds) => metrics.poolWait(seconds));
  metrics.watchPool('request', () => requests.stats());
  const typeorm = (runtime.driver as PostgresDriver).master as Pool;
  const max = typeorm.options.max ?? 10;
  metrics.watchPool('typeorm', () => ({ total: typeorm.totalCount, idle: typeorm.idleCount, waiting: typeorm.waitingCount, max }));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Answers GET /metrics; with a token, only to `Authorization: Bearer <token>` (compared in
 * constant time): 401 without credentials, 403 with wrong ones.
 */
export function metricsHandler(metrics: MetricsRegistry, token: string | undefined): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = token === undefined ? null : digest(token);
  return (req, res) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (given === undefined) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('unauthorized\n');
      }
      if (!timingSafeEqual(digest(given), expected)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('forbidden\n');
      }
    }
    metrics.text().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('metrics unavailable\n');
      },
    );
  };
}

export interface MetricsServer {
  url: string;
  stop(): Promise<void>;
}

/** /metrics on METRICS_HOST:METRICS_PORT; any other path is 404. */
export async function startMetricsServer(metrics: MetricsRegistry, config: Pick<Config, 'METRICS_PORT' | 'METRICS_HOST' | 'METRICS_TOKEN'>): Promise<MetricsServer> {
  const handle = metricsHandler(metrics, config.METRICS_TOKEN);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === METRICS_PATH) return handle(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.METRICS_PORT, config.METRICS_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.METRICS_HOST === '0.0.0.0' ? '127.0.0.1' : config.METRICS_HOST;
  return {
    url: `http://${host}:${port}${METRICS_PATH}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Wraps the resolver of every field answering a connection (`…Connection`, pagination.ts) so
 * that each page's row count reaches the metrics, labelled `Type.field`. Other fields keep
 * their resolvers untouched.
 */
export function countListRows(schema: GraphQLSchema, metrics: MetricsRegistry): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !getNamedType(field.type).name.endsWith('Connection')) continue;
      const list = `${type.name}.${field.name}`;
      const count = (result: unknown) => {
        if (result instanceof Connection) metrics.listRows(list, result.nodes.length);
        return result;
      };
      field.resolve = (source, args, context, info) => {
        const result: unknown = resolve(source, args, context, info);
        return result instanceof Promise ? result.then(count) : count(result);
      };
    }
  }
}
