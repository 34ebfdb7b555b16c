// The price of an operation (query-limits.ts's estimators), computed once per distinct
// document and the few variable values that can change it. Apollo keeps one parsed document
// per query text, so a status lookup sent a million times with a million ID numbers is priced
// once: only a page size (`first`), the length of a batch given as one variable, and the
// `if` of @skip/@include enter the price; the other variables are left out of the key.
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type ValueNode, visit } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { BATCH_FIELDS, listEstimator } from './query-limits';

/** More selections than this (fragments expanded each time they are spread) are refused before pricing. */
export const MAX_QUERY_NODES = 10000;
/** Prices kept per document (distinct operation names and pricing variables), at most. */
const KEPT_PER_DOCUMENT = 32;

const BATCH_INPUTS = new Set(Object.values(BATCH_FIELDS).map((b) => b.input));

interface Pricing {
  /** Variables whose value enters the price: as it is (`value`) or by its length (`length`). */
  readonly variables: readonly { name: string; by: 'value' | 'length' }[];
  readonly prices: Map<string, number>;
}

const pricings = new WeakMap<DocumentNode, Pricing>();

function variableOf(value: ValueNode): string | null {
  return value.kind === Kind.VARIABLE ? value.name.value : null;
}

/** The variables of `document` that can change its price. */
function pricingOf(document: DocumentNode): Pricing {
  let pricing = pricings.get(document);
  if (pricing) return pricing;
  const found = new Map<string, 'value' | 'length'>();
  visit(document, {
    Argument(node) {
      const name = variableOf(node.value);
      if (name === null) return;
      if (node.name.value === 'first' || node.name.value === 'if') found.set(name, 'value');
      else if (BATCH_INPUTS.has(node.name.value)) found.set(name, found.get(name) ?? 'length');
    },
  });
  pricing = { variables: [...found].map(([name, by]) => ({ name, by })), prices: new Map() };
  pricings.set(document, pricing);
  return pricing;
}

/** How many prices `document` keeps (tests: a status lookup with a thousand ID numbers keeps one). */
export function pricesKept(document: DocumentNode): number {
  return pricings.get(document)?.prices.size ?? 0;
}

function keyOf(pricing: Pricing, operationName: string | null | undefined, variables: Readonly<Record<string, unknown>>): string {
  const parts: unknown[] = [operationName ?? null];
  for (const { name, by } of pricing.variables) {
    const value = variables[name];
    parts.push(by === 'length' ? (Array.isArray(value) ? value.length : value == null ? 0 : -1) : (value ?? null));
  }
  return JSON.stringify(parts);
}

/**
 * The operation's price; null when its variables do not fit their types (execution
 * refuses them with BAD_USER_INPUT before any resolver runs). Throws graphql-query-complexity's
 * error over MAX_QUERY_NODES selections.
 */
export function priceOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Readonly<Record<string, unknown>> = {}): number | null {
  const pricing = pricingOf(document);
  const key = keyOf(pricing, operationName, variables);
  const known = pricing.prices.get(key);
  if (known !== undefined) return known;
  let price: number;
  try {
    price = getComplexity({
      schema,
      operationName: operationName ?? undefined,
      query: document,
      variables: { ...variables },
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof GraphQLError && !/maximum allowed number of nodes/.test(error.message)) return null;
    throw error;
  }
  if (pricing.prices.size >= KEPT_PER_DOCUMENT) pricing.prices.clear();
  pricing.prices.set(key, price);
  return price;
}
