// What Express answers by itself, in Chinese: unknown paths (JSON to API
// clients, a small page to browsers), malformed JSON bodies (400, not 500)
// and bodies over the size limit (413).
import { startTestApp, TestApp } from '../support/harness';

const CJK = /[\u3400-\u9fff]/;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${app.url}${path}`, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('unknown paths', () => {
  it('a browser gets a small Chinese page naming the path', async () => {
    const r = await call('/no/such/page', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/^text\/html/);
    expect(r.text).toContain('<html lang="zh-CN">');
    expect(r.text).toContain('未找到该页面');
    expect(r.text).toContain('GET /no/such/page');
    expect(r.text).not.toMatch(/Cannot GET/);
  });

  it('an API client gets Chinese JSON in the GraphQL error shape', async () => {
    for (const [path, init] of [
      ['/api/v1/people', {}],
      ['/no/such/page', { headers: { accept: 'application/json' } }],
      ['/no/such/page', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ] as const) {
      const r = await call(path, init);
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/^application\/json/);
      const body = JSON.parse(r.text);
      expect(body).toEqual({ errors: [{ message: `未找到该地址：${init.method ?? 'GET'} ${path}`, extensions: { code: 'NOT_FOUND' } }] });
    }
  });

  it('a path is shown escaped, never as markup', async () => {
    const r = await call('/%3Cscript%3Ealert(1)%3C/script%3E', { headers: { accept: 'text/html' } });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('<script>');
  });
});

describe('request bodies', () => {
  it('malformed JSON is a 400 with a Chinese message', async () => {
    const r = await call('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { kind } }",}' });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/json/);
    const body = JSON.parse(r.text);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(body.errors[0].message).toMatch(/^请求体不是合法的 JSON（第 \d+ 个字符处有误）$/);
  });

  it('a body over the limit is a 413 that names the limit', async () => {
    const r = await call('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { kind } } #${'x'.repeat(2_200_000)}` }),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ errors: [{ message: '请求体过大：上限为 2 MB', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('an unsupported charset is a 415 in Chinese', async () => {
    const r = await call('/graphql', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin-9000' }, body: '{}' });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.text).errors[0].message).toMatch(CJK);
  });
});
