// How much one request may ask for: every list priced by its size (pages by
// `first`, default included; the batch by its applicants), batch fields once,
// and graphql-armor's depth, alias and directive limits with a token limit.
// Every refusal comes before any resolver runs, as QUERY_TOO_COMPLEX in Chinese.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, isInterfaceType, isObjectType, parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { listEstimator, listSizing } from '../../server/app/query-limits';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const CJK = /[\u3400-\u9fff]/;
const sdl = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema: sdl, query: parse(query), variables, estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })] });

/** `organisation { children { nodes { parent { children … } } } }`, `levels` times round the cycle. */
function cyclic(levels: number, first?: number): string {
  const args = first === undefined ? '' : `(first: ${first})`;
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `children${args} { nodes { id parent { ${inner} } } }`;
  return `query($id: ID!) { organisation(id: $id) { ${inner} } }`;
}

/** Refused before execution: no data at all, one error, QUERY_TOO_COMPLEX, a Chinese message, not a 5xx. */
function expectRefused(r: GqlResult): void {
  expect(r.status).toBeLessThan(500);
  expect(r.data ?? null).toBeNull();
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0]!.message).toMatch(CJK);
}

describe('the price of lists (from schema/schema.graphql)', () => {
  it('gives every list field of the schema a size, none left to the default', () => {
    const unsized: string[] = [];
    for (const type of Object.values(sdl.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const sizing = listSizing(type, field);
        if (sizing?.kind === 'default') unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('counts the default `first` of a connection when the argument is omitted', () => {
    // 1 (organisations) + 20 × (nodes 1 + id 1)
    expect(cost('{ organisations { nodes { id } } }')).toBe(41);
    expect(cost('{ organisations(first: 5) { nodes { id } } }')).toBe(11);
    expect(cost('query($n: Int!) { organisations(first: $n) { nodes { id } } }', { n: 50 })).toBe(101);
    // children of every organisation: 20 per level, so the cycle multiplies by 20 each time round
    expect(cost(cyclic(2), { id: 'x' }) / cost(cyclic(1), { id: 'x' })).toBeGreaterThan(19);
  });

  it('prices plain lists by their known size and the batch by its number of applicants', () => {
    expect(cost('{ activityKinds(year: 2023) { code } }')).toBe(1 + 20 * 1);
    const batch = 'query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicationYear: 2023, applicants: $a) { idNumber } }';
    const applicants = (n: number) => Array.from({ length: n }, () => ({ idNumber: '370102198001010011', targetLevel: 'SENIOR' }));
    expect(cost(batch, { a: applicants(10) })).toBe(1 + 5 + 1);
    expect(cost(batch, { a: applicants(5000) })).toBe(1 + 2500 + 1);
    expect(cost(batch, { a: applicants(5000) })).toBeLessThanOrEqual(5000);
  });

  it('prices policyImpact as a scan (a fixed 1,000) plus its page, which fits the budget at first: 100; auditEvents as a page', () => {
    const changes = 'changes { professionalId name idNumber unitName before { complete totalHours } after { complete totalHours } }';
    const impact = (first: number) => `query($i: PublishPolicyVersionInput!) { policyImpact(input: $i, year: 2025, first: ${first}) { changedCount ${changes} } }`;
    expect(cost(impact(1), { i: {} })).toBe(1 + 1000 + 1 * (1 + 1 + 1 * (4 + 3 + 3)));
    expect(cost(impact(100), { i: {} })).toBeLessThanOrEqual(5000);
    expect(cost('{ auditEvents(first: 50) { nodes { id action before after } } }')).toBe(1 + 50 * (1 + 4));
  });
});

describe('query limits against a running server', () => {
  let app: TestApp;
  let t: TenantFixture;
  let token: string;
  let bureauId: string;

  beforeAll(async () => {
    app = await startTestApp();
    t = await createTenantFixture(app, 'ql');
    const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao');
    await publishInitialPolicy(app.owner, t.tenantId, policy!, 'test');
    token = t.accounts.bureau.token;
    bureauId = t.nodes.bureau;
  });
  afterAll(() => app.close());

  it('refuses the children/parent cycle as it grows, with the default page size', async () => {
    // depth 3n+2, cost ×20 per level: two rounds run, three are over the cost limit, more over the depth limit too
    for (const levels of [1, 2]) {
      const r = await app.gql(cyclic(levels), { id: bureauId }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.organisation.children.nodes).toHaveLength(2); // the two departments
    }
    for (const levels of [3, 4, 6, 10]) expectRefused(await app.gql(cyclic(levels), { id: bureauId }, token));
  });

  it('refuses the cycle by depth even when small pages keep its cost low', async () => {
    expect((await app.gql(cyclic(3, 1), { id: bureauId }, token)).errors).toBeUndefined();
    for (const levels of [4, 8, 30]) {
      const r = await app.gql(cyclic(levels, 1), { id: bureauId }, token);
      expectRefused(r);
      expect(r.errors![0]!.message).toContain('嵌套过深');
    }
  });

  const BATCH_ITEM = 'idNumber errorCode result { eligible yearsChecked years { year status } reasons }';
  const applicants = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
      return { idNumber: people[i % people.length]!.idNumber, targetLevel: 'INTERMEDIATE' };
    });

  it('refuses 20 aliases of titleEligibilityBatch before running any, however small', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `b${i}: titleEligibilityBatch(applicationYear: 2023, applicants: $a) { ${BATCH_ITEM} }`).join(' ');
    const r = await app.gql(`query($a: [EligibilityApplicant!]!) { ${aliases} }`, { a: applicants(1) }, token);
    expectRefused(r);
    expect(r.errors![0]!.message).toContain('titleEligibilityBatch');
  });

  it('refuses a batch field twice, through aliases or fragments', async () => {
    const two = `query($a: [EligibilityApplicant!]!) { x: titleEligibilityBatch(applicationYear: 2023, applicants: $a) { idNumber } y: titleEligibilityBatch(applicationYear: 2022, applicants: $a) { idNumber } }`;
    expectRefused(await app.gql(two, { a: applicants(1) }, token));
    const fragments = `query($a: [EligibilityApplicant!]!) { ...F ... on Query { y: titleEligibilityBatch(applicationYear: 2022, applicants: $a) { idNumber } } }
      fragment F on Query { titleEligibilityBatch(applicationYear: 2023, applicants: $a) { idNumber } }`;
    expectRefused(await app.gql(fragments, { a: applicants(1) }, token));
  });

  it('runs one batch of 5,000 applicants by itself', async () => {
    const r = await app.gql(
      `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicationYear: 2023, applicants: $a) { ${BATCH_ITEM} } }`,
      { a: applicants(5000) },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.titleEligibilityBatch).toHaveLength(5000);
    expect(r.data.titleEligibilityBatch[0].errorCode).toBeNull();
  });

  it('refuses a full batch together with other work past the budget, naming the cost', async () => {
    const r = await app.gql(
      `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicationYear: 2023, applicants: $a) { idNumber }
         activityKinds(year: 2023) { code name params { name label values { value label } } } }`,
      { a: applicants(5000) },
      token,
    );
    expectRefused(r);
    expect(r.errors![0]!.message).toMatch(/代价 \d+，上限 5000/);
  });

  it('lets the introspection query through: it is answered from memory', async () => {
    const r = await app.gql(getIntrospectionQuery(), {}, token);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.queryType.name).toBe('Query');
  });

  it('limits aliases', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { kind }`).join(' ')} }`;
    expect((await app.gql(aliased(30), {}, token)).errors).toBeUndefined();
    const r = await app.gql(aliased(31), {}, token);
    expectRefused(r);
    expect(r.errors![0]!.message).toContain('别名过多');
  });

  it('limits directives', async () => {
    const directed = (n: number) => `{ me { ${Array.from({ length: n }, () => 'kind @include(if: true)').join(' ')} } }`;
    expect((await app.gql(directed(50), {}, token)).errors).toBeUndefined();
    const r = await app.gql(directed(51), {}, token);
    expectRefused(r);
    expect(r.errors![0]!.message).toContain('指令过多');
  });

  it('limits tokens, before parsing the rest', async () => {
    const r = await app.gql(`{ me { kind ${'__typename '.repeat(5000)} } }`, {}, token);
    expectRefused(r);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.message).toContain('查询语句过长');
  });

  it("answers the complexity library's node limit (fragments spread again and again) as QUERY_TOO_COMPLEX", async () => {
    const spread = (name: string, times: number) => Array.from({ length: times }, () => `...${name}`).join(' ');
    const query = `query($id: ID!) { organisation(id: $id) { ...F4 } }
      fragment F1 on Organisation { id name code kind depth version createdAt parentId }
      fragment F2 on Organisation { ${spread('F1', 12)} }
      fragment F3 on Organisation { ${spread('F2', 12)} }
      fragment F4 on Organisation { ${spread('F3', 12)} }`;
    const r = await app.gql(query, { id: bureauId }, token);
    expectRefused(r);
  });
});
