// An operation is priced once per distinct document and the variables that can change its
// price (server/app/query-cost.ts); every price is the one graphql-query-complexity computes
// afresh with the same estimators.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { MAX_QUERY_NODES, priceOf, pricesKept } from '../../server/app/query-cost';
import { listEstimator } from '../../server/app/query-limits';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const afresh = (document: ReturnType<typeof parse>, variables: Record<string, unknown>, operationName?: string) =>
  getComplexity({ schema, query: document, variables, operationName, estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })] });

const STATUS = `query S($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { name year } }`;
const PAGE = `query P($n: Int!, $full: Boolean!) { professionals(first: $n) { nodes { id name unit @include(if: $full) { id name } } } }`;
const BATCH = `query B($y: Int!, $a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicationYear: $y, applicants: $a) { eligible } }`;

describe('prices, once per document and pricing variables', () => {
  it('a status lookup keeps one price whatever the ID number and year', () => {
    const doc = parse(STATUS);
    for (let i = 0; i < 50; i++) {
      const variables = { id: `37130219800101${String(1000 + i)}`, y: 2000 + (i % 20) };
      expect(priceOf(schema, doc, 'S', variables)).toBe(afresh(doc, variables));
    }
    expect(pricesKept(doc)).toBe(1);
  });

  it('a page is priced by its size and by what @include adds', () => {
    const doc = parse(PAGE);
    const cases = [
      { n: 10, full: false },
      { n: 50, full: false },
      { n: 50, full: true },
      { n: 10, full: false },
    ];
    const prices = cases.map((v) => priceOf(schema, doc, 'P', v));
    expect(prices).toEqual(cases.map((v) => afresh(doc, v)));
    expect(new Set(prices).size).toBe(3);
    expect(pricesKept(doc)).toBe(3);
  });

  it('a batch is priced by its length, not by who is in it', () => {
    const doc = parse(BATCH);
    const applicants = (n: number, salt: number) => Array.from({ length: n }, (_, i) => ({ idNumber: `${salt}-${i}`, targetLevel: 'SENIOR' }));
    const small = priceOf(schema, doc, 'B', { y: 2025, a: applicants(10, 1) });
    expect(priceOf(schema, doc, 'B', { y: 2024, a: applicants(10, 2) })).toBe(small);
    const large = priceOf(schema, doc, 'B', { y: 2025, a: applicants(4000, 3) });
    expect(large).toBe(afresh(doc, { y: 2025, a: applicants(4000, 3) }));
    expect(large).toBeGreaterThan(small!);
    expect(pricesKept(doc)).toBe(2);
  });

  it('operations of one document are priced apart', () => {
    const doc = parse(`${STATUS} ${PAGE}`);
    const s = priceOf(schema, doc, 'S', { id: 'x', y: 2024 });
    const p = priceOf(schema, doc, 'P', { n: 40, full: true });
    expect([s, p]).toEqual([afresh(doc, { id: 'x', y: 2024 }, 'S'), afresh(doc, { n: 40, full: true }, 'P')]);
    expect(s).not.toBe(p);
  });

  it('variables that do not fit their types are not priced (execution refuses them) and not kept', () => {
    const doc = parse(PAGE);
    expect(priceOf(schema, doc, 'P', { n: 'many', full: false })).toBeNull();
    expect(pricesKept(doc)).toBe(0);
  });

  it('too many selections throw, as before', () => {
    const doc = parse(`query { ${Array.from({ length: MAX_QUERY_NODES + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(() => priceOf(schema, doc, undefined, {})).toThrow(/maximum allowed number of nodes/);
  });
});
