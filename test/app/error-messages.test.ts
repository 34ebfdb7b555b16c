// What users read is Chinese, specific and true: class-validator's English
// defaults are translated with their numbers, explicit Chinese messages are
// kept, graphql-js's complaints are put into Chinese, and nothing says the
// same thing twice.
import { getMetadataStorage } from 'class-validator';
import { constraintMessage, CONSTRAINT_MESSAGES } from '../../server/app/format-error';
import { createSchema } from '../../server/app/schema';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { codes, startTestApp, TestApp } from '../support/harness';

const CJK = /[\u3400-\u9fff]/;

interface Metadata {
  type: string;
  name?: string;
  target: { name: string };
  propertyName: string;
  constraints?: unknown[];
  message?: unknown;
  each?: boolean;
  constraintCls?: new () => { defaultMessage?(args: object): string };
}

/** Every class-validator check on the schema's inputs. */
async function validationMetadata(): Promise<Metadata[]> {
  await createSchema();
  const storage = getMetadataStorage() as unknown as { validationMetadatas: { values(): Iterable<Metadata[]> } };
  return [...storage.validationMetadatas.values()].flat();
}

/** class-validator's own default message for a check and a value, tokens filled in as it does. */
function defaultMessage(m: Metadata, value: unknown): string {
  const template = new m.constraintCls!().defaultMessage!({ property: m.propertyName, constraints: m.constraints, value, targetName: m.target.name, object: {} });
  return template
    .replace(/\$property/g, m.propertyName)
    .replace(/\$constraint(\d)/g, (_, i: string) => String(m.constraints?.[Number(i) - 1]))
    .replace(/\$value/g, String(value));
}

describe('class-validator messages', () => {
  it('every check on an input has a Chinese message, its numbers included', async () => {
    const checks = (await validationMetadata()).filter((m) => m.type === 'customValidation' && !(typeof m.message === 'string' && CJK.test(m.message)));
    expect(checks.length).toBeGreaterThan(10);
    const keys = new Set<string>();
    for (const m of checks) {
      keys.add(m.name!);
      // a value too short and one too long give Length its two messages
      for (const value of ['', 'x'.repeat(1000)]) {
        const english = defaultMessage(m, value);
        const chinese = constraintMessage(m.name!, english);
        const where = `${m.target.name}.${m.propertyName} @${m.name}: "${english}"`;
        expect({ where, chinese }).toEqual({ where, chinese: expect.stringMatching(CJK) });
        expect({ where, chinese }).not.toEqual({ where, chinese: expect.stringContaining('取值不符合要求') });
        for (const n of english.match(/\d+/g) ?? []) expect({ where, chinese }).toEqual({ where, chinese: expect.stringContaining(n) });
      }
    }
    expect([...keys].filter((key) => !CONSTRAINT_MESSAGES[key])).toEqual([]);
  });

  it('translates the defaults of the decorators in use', () => {
    expect(constraintMessage('max', 'first must not be greater than 100')).toBe('不能大于 100');
    expect(constraintMessage('min', 'year must not be less than 1990')).toBe('不能小于 1990');
    expect(constraintMessage('isLength', 'username must be longer than or equal to 3 characters')).toBe('长度不能少于 3 个字符');
    expect(constraintMessage('isLength', 'note must be shorter than or equal to 500 characters')).toBe('长度不能超过 500 个字符');
    expect(constraintMessage('isLength', 'name must be longer than or equal to 1 and shorter than or equal to 100 characters')).toBe('长度须为 1–100 个字符');
    expect(constraintMessage('arrayMaxSize', 'activities must contain no more than 500 elements')).toBe('最多 500 项');
    expect(constraintMessage('arrayMinSize', 'scopes must contain at least 1 elements')).toBe('至少 1 项');
    expect(constraintMessage('arrayUnique', "All scopes's elements must be unique")).toBe('不能有重复项');
    expect(constraintMessage('isInt', 'year must be an integer number')).toBe('须为整数');
    expect(constraintMessage('matches', 'code must match /^x$/ regular expression')).toBe('格式不正确');
    expect(constraintMessage('isLength', 'each value in flags must be shorter than or equal to 40 characters')).toBe('每一项长度不能超过 40 个字符');
    expect(constraintMessage('matches', '手机号码应为 11 位大陆手机号')).toBe('手机号码应为 11 位大陆手机号');
  });
});

describe('messages over HTTP', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_MAX_FAILURES: '2', SIGN_IN_BLOCK_SECONDS: '900' });
    t = await createTenantFixture(app);
  });
  afterAll(() => app.close());

  const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;

  it('an input check names the field and the limit in Chinese only', async () => {
    const r = await app.gql('{ professionals(first: 1000) { totalCount } }', {}, t.accounts.bureau.token);
    expect(r.errors?.[0]).toMatchObject({ message: '输入有误（first）：不能大于 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const short = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: 'ab', password: 'x' } });
    expect(short.errors?.[0]?.message).toBe('输入有误（username）：长度不能少于 3 个字符');
    const explicit = await app.gql(SIGN_IN, { i: { tenantCode: 'Not A Code', username: 'bureau', password: 'x' } });
    expect(explicit.errors?.[0]?.message).toBe('输入有误（tenantCode）：地区代码格式错误');
  });

  it('a blocked sign-in says once when to try again', async () => {
    const i = { tenantCode: t.code, username: 'dept-a', password: 'wrong-password-1' };
    for (let n = 0; n < 2; n++) expect(codes(await app.gql(SIGN_IN, { i }))).toEqual(['INVALID_CREDENTIALS']);
    const blocked = await app.gql(SIGN_IN, { i });
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(blocked.errors?.[0]?.message).toBe('尝试次数过多，请 15 分钟后再试');
  });

  it("graphql-js's complaints are in Chinese, its own words kept in extensions.detail", async () => {
    const unknown = await app.gql('{ nope }');
    expect(unknown.errors?.[0]).toMatchObject({
      message: '查询语句与接口定义不符（第 1 行第 3 列）：类型 Query 没有字段 nope（是否想用 "node"？）',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', detail: 'Cannot query field "nope" on type "Query". Did you mean "node"?' },
    });
    const variable = await app.gql('query($n: Int!) { professionals(first: $n) { totalCount } }', { n: 'ten' }, t.accounts.bureau.token);
    expect(variable.errors?.[0]?.message).toBe('输入有误（第 1 行第 7 列）：变量 $n 的值 "ten" 无效：Int 类型须为整数，实际为 "ten"');
    const missing = await app.gql('{ organisation { name } }', {}, t.accounts.bureau.token);
    expect(missing.errors?.[0]?.message).toBe('查询语句与接口定义不符（第 1 行第 3 列）：字段 organisation 缺少必填参数 id（类型 ID!）');
    const syntax = await app.gql('{ me { kind ');
    expect(syntax.errors?.[0]?.message).toBe('查询语句有语法错误（第 1 行第 13 列）：此处应为名称，查询却已结束');
    const stray = await app.gql('{ me { kind } } }');
    expect(stray.errors?.[0]?.message).toBe('查询语句有语法错误（第 1 行第 17 列）：此处不应出现 "}"');
  });
});
