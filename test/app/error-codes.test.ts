// Every `extensions.code` the API answers with is a value of the `ErrorCode`
// enum of the SDL, described by its Chinese message; every message is Chinese.
import { GraphQLEnumType, type GraphQLFormattedError } from 'graphql';
import { createFormatError } from '../../server/app/format-error';
import { errorCatalog } from '../../server/app/registry';
import { createSchema } from '../../server/app/schema';
import { isErrorCode } from '../../server/platform/error-code.enum';
import { AppError } from '../../server/platform/errors';
import { createLogger, createRequestLogger } from '../../server/platform/logger';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/harness';

const CJK = /[\u3400-\u9fff]/;

describe('the ErrorCode enum', () => {
  it('has every catalog code, each described by its Chinese message', async () => {
    const schema = await createSchema();
    const type = schema.getType('ErrorCode');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues();
    const catalog = errorCatalog();
    expect(values.map((v) => v.name).sort()).toEqual([...catalog.keys()].sort());
    for (const value of values) {
      expect({ code: value.name, description: value.description }).toEqual({ code: value.name, description: catalog.get(value.name) });
      expect(value.description).toMatch(CJK);
    }
  });
});

describe('answers over HTTP', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp();
    t = await createTenantFixture(app);
  });
  afterAll(() => app.close());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, body: (await res.json()) as { errors?: GraphQLFormattedError[] } };
  };

  it('bad requests of every kind get an enum code and a Chinese message', async () => {
    const token = t.accounts.bureau.token;
    const cases: [string, { status: number; errors?: GraphQLFormattedError[] } | { status: number; body: { errors?: GraphQLFormattedError[] } }, string][] = [
      ['bad syntax', await app.gql('{ me { kind '), 'GRAPHQL_PARSE_FAILED'],
      ['unknown field', await app.gql('{ nope }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['unknown argument', await app.gql('{ professionals(size: 3) { totalCount } }', {}, token), 'GRAPHQL_VALIDATION_FAILED'],
      ['literal of the wrong type', await app.gql('{ professionals(first: "ten") { totalCount } }', {}, token), 'GRAPHQL_VALIDATION_FAILED'],
      ['variable of the wrong type', await app.gql('query($n: Int!) { professionals(first: $n) { totalCount } }', { n: 'ten' }, token), 'BAD_USER_INPUT'],
      ['missing variable', await app.gql('query($n: Int!) { professionals(first: $n) { totalCount } }', {}, token), 'BAD_USER_INPUT'],
      ['page size over the limit', await app.gql('{ professionals(first: 1000) { totalCount } }', {}, token), 'BAD_USER_INPUT'],
      ['not signed in', await app.gql('{ professionals(first: 10) { totalCount } }'), 'UNAUTHENTICATED'],
      ['a token that is not ours', await app.gql('{ me { kind } }', {}, 'not-a-token'), 'UNAUTHENTICATED'],
      ['unknown operation name', await post(JSON.stringify({ query: 'query A { me { kind } }', operationName: 'B' })), 'OPERATION_RESOLUTION_FAILURE'],
      ['no query', await post('{"variables": {}}'), 'BAD_REQUEST'],
      ['malformed JSON', await post('{"query": "{ me { kind } }"'), 'BAD_REQUEST'],
      ['body over the limit', await post(JSON.stringify({ query: `{ me { kind } } #${'x'.repeat(2_200_000)}` })), 'BAD_REQUEST'],
    ];
    for (const [name, result, code] of cases) {
      const errors = 'body' in result ? result.body.errors : result.errors;
      expect({ name, codes: errors?.map((e) => e.extensions?.code) }).toEqual({ name, codes: [code] });
      for (const e of errors ?? []) {
        expect(isErrorCode(e.extensions?.code)).toBe(true);
        expect({ name, message: e.message }).toEqual({ name, message: expect.stringMatching(CJK) });
        expect(e.extensions).not.toHaveProperty('stacktrace');
      }
    }
  });
});

describe('the formatter', () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const format = createFormatError(logger);
  beforeAll(() => createSchema()); // fills the enum
  beforeEach(() => (lines.length = 0));

  it('answers a code outside the enum as INTERNAL_SERVER_ERROR and logs it', () => {
    const answer = format({ message: 'Something broke', extensions: { code: 'SOMETHING_ELSE' } }, new Error('Something broke'));
    expect(answer).toEqual({ message: '服务器内部错误，请稍后再试', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const thrown = new AppError('NOT_A_CATALOG_CODE', '出错了');
    expect(format({ message: '出错了', extensions: { code: 'NOT_A_CATALOG_CODE' } }, thrown).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['unexpected error', 'unexpected error']);
  });

  it("maps Apollo's validation codes outside the enum to GRAPHQL_VALIDATION_FAILED, in Chinese", () => {
    const answer = format({ message: 'GraphQL introspection is not allowed by Apollo Server', extensions: { code: 'INTROSPECTION_DISABLED' } }, new Error());
    expect(answer.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.message).toMatch(/^查询语句与接口定义不符：/);
    expect(lines).toEqual([]);
  });

  it('logs an unexpected error once: on the request logger when a request reported it', () => {
    const cause = new Error('connection reset');
    const log = createRequestLogger(logger, { reqId: 'req-123456789', tenant: 'linyi', actor: 'account:bureau', operation: 'Who' });
    format.report(log, [cause]);
    expect(format({ message: 'connection reset', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, cause).message).toBe('服务器内部错误，请稍后再试');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: 'req-123456789', tenant: 'linyi', msg: 'unexpected error' });
  });
});
