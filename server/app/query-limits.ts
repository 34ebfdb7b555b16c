// What one GraphQL request may ask for, checked before anything runs:
//  - the cost estimator that `complexityPlugin` (plugins.ts) sums: every list
//    field counts its size (a connection its `first`, default included; the
//    batch its number of applicants; a scan a fixed price; any other list a known bound);
//  - batch and scan fields at most once per operation;
//  - depth, aliases and directives (graphql-armor's validation rules) and the
//    number of tokens (graphql-js's parser, through Apollo's `parseOptions`).
// Every refusal answers QUERY_TOO_COMPLEX with a Chinese message.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNullableType,
  isListType,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLField,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../platform/config';
import type { Context } from '../platform/context';
import type { FormatError } from './format-error';
import { DEFAULT_LIST_SIZE, LIST_SIZES } from './list-sizes';

export const LIMIT_CODE = 'QUERY_TOO_COMPLEX';

/** A refusal of a request for its size, in Chinese: a client error (400), not a 500. */
export function limitError(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: LIMIT_CODE, http: { status: 400 } } });
}

// ——— cost ———

/**
 * Query fields that take a list of inputs and do one unit of work per entry.
 * Each may appear once per operation; it costs its input size times the weight.
 */
export const BATCH_FIELDS: Readonly<Record<string, { input: string; perItem: number; max: number }>> = {
  // One judgment per applicant (a few set-based queries for all of them, then
  // the engine in memory; no per-year evaluations are built for batch items).
  // Half a point each: the largest batch (5,000) costs 2,500 of the default
  // budget of 5,000, so one batch fits, with room for other fields; two do not.
  titleEligibilityBatch: { input: 'applicants', perItem: 0.5, max: 5000 },
  titleApplicationEligibilityBatch: { input: 'applicationIds', perItem: 0.5, max: 5000 },
  // A mutation: each approval is a handful of writes (the conditional update, the decision,
  // the audit row, the activity at the last level), so 10 points each: a page of 50 costs 500.
  bulkApproveDeclarations: { input: 'ids', perItem: 10, max: 50 },
  // One set-based statement records the whole batch; a quarter point a row: the largest batch
  // (10,000) costs 2,500 of the default budget of 5,000.
  reportTrainingCompletions: { input: 'rows', perItem: 0.25, max: 10000 },
};

/**
 * Query fields whose work does not follow from their arguments: policyImpact judges every
 * active professional of the tenant, up to POLICY_IMPACT_MAX_PEOPLE (20,000 by default),
 * whatever `first` lists. Each may appear once per operation (aliases would multiply the
 * scan) and costs `cost` on top of its page: a fifth of the default budget of 5,000.
 */
export const SCAN_FIELDS: Readonly<Record<string, { cost: number }>> = {
  policyImpact: { cost: 1000 },
};

/** Root fields allowed once per operation: the batches and the scans. */
const ONCE_FIELDS = new Set([...Object.keys(BATCH_FIELDS), ...Object.keys(SCAN_FIELDS)]);


type ParentType = GraphQLObjectType | GraphQLInterfaceType;
export type ListSizing = { kind: 'page' } | { kind: 'connection-items' } | { kind: 'batch' } | { kind: 'known'; size: number } | { kind: 'default'; size: number };

/** How a field's list size is found (undefined: not a list, not paged). */
export function listSizing(parent: ParentType, field: GraphQLField<unknown, unknown>): ListSizing | undefined {
  // introspection (__Schema.types, __Type.fields, …) is answered from the schema in memory
  if (parent.name.startsWith('__')) return undefined;
  if ((parent.name === 'Query' || parent.name === 'Mutation') && Object.hasOwn(BATCH_FIELDS, field.name)) return { kind: 'batch' };
  if (field.args.some((a) => a.name === 'first')) return { kind: 'page' };
  if (!isListType(getNullableType(field.type))) return undefined;
  if (parent.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return { kind: 'connection-items' };
  const key = `${parent.name}.${field.name}`;
  return Object.hasOwn(LIST_SIZES, key) ? { kind: 'known', size: LIST_SIZES[key]! } : { kind: 'default', size: DEFAULT_LIST_SIZE };
}

/**
 * A list costs 1 plus its size times what each item costs (at least 1); other
 * fields are left to the next estimator (1 plus their children).
 */
export const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const sizing = listSizing(type as ParentType, field);
  if (!sizing) return undefined;
  const each = Math.max(1, childComplexity);
  switch (sizing.kind) {
    case 'batch': {
      const batch = BATCH_FIELDS[field.name]!;
      const input: unknown = args[batch.input];
      const n = Array.isArray(input) ? input.length : input == null ? 0 : 1;
      // the items' fields are the same for every item: counted once, the judgments per item
      return 1 + Math.ceil(n * batch.perItem) + childComplexity;
    }
    case 'page': {
      // getArgumentValues fills in the argument's default when `first` is omitted
      const first = typeof args.first === 'number' ? Math.max(0, args.first) : 0;
      const scan = type.name === 'Query' && Object.hasOwn(SCAN_FIELDS, field.name) ? SCAN_FIELDS[field.name]!.cost : 0;
      return 1 + scan + first * each;
    }
    case 'connection-items':
      return 1 + childComplexity;
    case 'known':
    case 'default':
      return 1 + sizing.size * each;
  }
};

// ——— batch fields at most once ———

function countBatchFields(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>, counts: Map<string, number>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (ONCE_FIELDS.has(selection.name.value)) counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      countBatchFields(context, selection.selectionSet, seen, counts);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      if (fragment) countBatchFields(context, fragment.selectionSet, seen, counts);
      seen.delete(name); // a fragment spread twice counts twice; a cycle is refused by graphql-js
    }
  }
}

/** Each batch or scan field (`BATCH_FIELDS`, `SCAN_FIELDS`: root fields) at most once per operation, aliases and fragments included. */
export const batchOnceRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation === OperationTypeNode.SUBSCRIPTION) return;
    const counts = new Map<string, number>();
    countBatchFields(context, operation.selectionSet, new Set(), counts);
    for (const [field, count] of counts) {
      if (count <= 1) continue;
      const batch = Object.hasOwn(BATCH_FIELDS, field) ? BATCH_FIELDS[field]! : null;
      const hint = batch ? `，请把全部人员放进一次调用（每次最多 ${batch.max} 人）` : '';
      context.reportError(limitError(`每个请求最多调用一次 ${field}（本请求调用了 ${count} 次）${hint}`, { limit: 1, found: count }));
    }
  },
});

// ——— depth, aliases, directives, tokens ———

export interface QueryLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<Context>[];
  parseOptions: ParseOptions;
}

const found = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);

/**
 * graphql-armor's depth, alias and directive limits, answering in Chinese with
 * QUERY_TOO_COMPLEX (its own answer would be BAD_USER_INPUT in English). Its
 * cost limit is off (complexityPlugin prices lists by their size), and so is
 * its token limit: its Apollo plugin throws from `parsingDidStart`, which Apollo
 * answers with a 500; graphql-js's parser stops at `maxTokens` itself instead.
 * Field suggestions stay as they are here (production settings decide them).
 */
export function queryLimits(config: Pick<Config, 'MAX_QUERY_DEPTH' | 'MAX_QUERY_ALIASES' | 'MAX_QUERY_DIRECTIVES' | 'MAX_QUERY_TOKENS'>): QueryLimits {
  const reject = (message: (n: number) => string, limit: number) => (ctx: ValidationContext | null, error: GraphQLError) => {
    const n = found(error);
    ctx?.reportError(limitError(message(n), { limit, ...(Number.isNaN(n) ? {} : { found: n }) }));
  };
  const depth = config.MAX_QUERY_DEPTH;
  const aliases = config.MAX_QUERY_ALIASES;
  const directives = config.MAX_QUERY_DIRECTIVES;
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      n: depth,
      // depth counts fields; a fragment spread is not a level of its own
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [reject((n) => `查询嵌套过深：最多 ${depth} 层，本查询 ${n} 层；请减少嵌套（如 children 与 parent 的循环）`, depth)],
    },
    maxAliases: {
      n: aliases,
      propagateOnRejection: false,
      onReject: [reject((n) => `查询使用的别名过多：最多 ${aliases} 个，本查询 ${n} 个；请拆分为多个请求`, aliases)],
    },
    maxDirectives: {
      n: directives,
      propagateOnRejection: false,
      onReject: [reject((n) => `查询使用的指令过多：最多 ${directives} 个，本查询 ${n} 个`, directives)],
    },
  });
  const protection = armor.protect();
  return {
    validationRules: [...protection.validationRules, batchOnceRule],
    plugins: protection.plugins,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
  };
}

// ——— the codes of these refusals ———

// graphql-js spells it "more that" (16.x)
const TOKENS = /Document contains more tha[nt] (\d+) tokens/;

function limitCause(error: unknown): GraphQLError | null {
  for (let e = error; e instanceof GraphQLError; e = e.originalError) {
    if (e.extensions?.code === LIMIT_CODE) return e;
  }
  return null;
}

/**
 * Apollo answers every validation rule's error as GRAPHQL_VALIDATION_FAILED and
 * the parser's token limit as GRAPHQL_PARSE_FAILED in English; this gives both
 * back the code QUERY_TOO_COMPLEX (and the token limit a Chinese message)
 * before the formatter sees them.
 */
export function withLimitCodes(format: FormatError): FormatError {
  const wrapped = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && limitCause(error)) {
      return format({ ...formatted, extensions: { ...formatted.extensions, code: LIMIT_CODE } }, error);
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKENS.exec(formatted.message) : null;
    if (tokens) {
      const limit = Number(tokens[1]);
      const { locations: _locations, ...rest } = formatted;
      return format(
        { ...rest, message: `查询语句过长：最多 ${limit} 个词法单元（名称、符号、字面量）；大量数据请通过变量（variables）传入`, extensions: { ...formatted.extensions, code: LIMIT_CODE, limit } },
        error,
      );
    }
    return format(formatted, error);
  };
  return Object.assign(wrapped, { report: format.report });
}
