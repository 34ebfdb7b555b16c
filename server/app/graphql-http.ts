// The common GraphQL request, served without Express: a POST to /graphql with a JSON body
// (UTF-8, not compressed). Its body is read and parsed here and handed to Apollo's own
// request handler; the answer is written as Apollo gives it. Anything else sent to /graphql
// (GET, another content type or charset, a compressed body) goes through Express as before,
// and a body too large or not JSON is answered as Express's body parser would be
// (http-errors.ts), so a client sees one behaviour whichever path served it.
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../platform/context';
import { bodyError, type HttpError } from './http-errors';
import type { RequestInfo } from './request-log';

const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether this request takes the path without Express. */
export function isPlainGraphqlPost(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    JSON_UTF8.test(req.headers['content-type'] ?? '') &&
    (encoding === undefined || encoding.toLowerCase() === 'identity')
  );
}

export interface GraphqlHttpOptions {
  apollo: ApolloServer<Context>;
  maxBodyBytes: number;
  context: (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => Promise<Context>;
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function sendHttpError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }));
}

/** The body as UTF-8 text, or the HttpError Express's parser would have answered. */
function readBody(req: IncomingMessage, limit: number): Promise<string | HttpError> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      return resolve(bodyError({ type: 'entity.too.large', limit }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: string | HttpError) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        return finish(bodyError({ type: 'entity.too.large', limit }));
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!Number.isNaN(declared) && declared !== size) return finish(bodyError({ type: 'request.size.invalid' }));
      finish(Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('aborted', () => finish(bodyError({ type: 'request.aborted' })));
    req.on('error', () => finish(bodyError({ type: 'request.aborted' })));
  });
}

/** JSON.parse as Express's strict JSON parser: an object or array, `{}` for an empty body. */
function parseJson(text: string): unknown {
  const first = /\S/.exec(text);
  if (!first) return {};
  if (first[0] !== '{' && first[0] !== '[') throw new SyntaxError(`Unexpected token '${first[0]}', "${text.slice(first.index, first.index + 10)}" is not valid JSON at position ${first.index}`);
  return JSON.parse(text);
}

export function createGraphqlHandler(options: GraphqlHttpOptions): (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => Promise<void> {
  const { apollo, maxBodyBytes } = options;
  return async (req, res, info) => {
    const text = await readBody(req, maxBodyBytes);
    if (typeof text !== 'string') return sendHttpError(res, text);
    let body: unknown;
    try {
      body = parseJson(text);
    } catch (error) {
      return sendHttpError(res, bodyError({ type: 'entity.parse.failed', message: (error as Error).message }));
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    let answer;
    try {
      answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: () => options.context(req, res, info),
      });
    } catch (error) {
      info.log.error({ err: error }, 'unexpected error');
      return sendHttpError(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试' });
    }
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    if (answer.body.kind === 'complete') {
      res.statusCode = answer.status ?? 200;
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    res.statusCode = answer.status ?? 200;
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
