// Keyset pagination and the one connection shape every list answers with:
// `nodes`, `edges { cursor node }`, `pageInfo` and a `totalCount` that is
// counted only when a client asks for it (a count over a million rows is not
// free). A cursor is the sort key of a row, opaque to clients.
import { Max, Min } from 'class-validator';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { AppError } from './errors';

/** What a list asks for: a page size and, after the first page, the cursor to continue after. */
export interface PageRequest {
  first: number;
  after?: string | null;
}

@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: '从此游标之后开始：上一页的 pageInfo.endCursor，或任一 edges[i].cursor' })
  after?: string | null;
}

@ObjectType({ description: '分页信息（只支持向后翻页：first + after）' })
export class PageInfo {
  @Field({ description: '之后是否还有记录' }) hasNextPage: boolean;
  @Field({ description: '本页是否由 after 游标请求（向前翻页不受支持）' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: '本页第一条的游标' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: '本页最后一条的游标：作为 after 取下一页' }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * One page of a list, as every connection field resolves. `totalCount` is a
 * getter: GraphQL reads it only when the query selects it, so the count query
 * runs only then (once, however many aliases ask).
 */
export class Connection<T> {
  private counted: Promise<number> | null = null;

  constructor(
    readonly nodes: T[],
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number>,
  ) {}

  get totalCount(): Promise<number> {
    return (this.counted ??= this.count());
  }
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key a cursor holds, or null without a cursor. A cursor that is not one
 * of ours (wrong shape, or failing `isValid`, e.g. an id that is not a UUID)
 * is the client's mistake, never a failed cast in SQL.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  arity: number,
  isValid: (key: string[]) => boolean = () => true,
): string[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k): k is string => typeof k === 'string' && !k.includes('\u0000')) && isValid(key)) return key;
  } catch {
    // fall through
  }
  throw new AppError('BAD_USER_INPUT', '分页游标无效', 'after');
}

/**
 * A connection from rows fetched with `LIMIT first + 1`: the extra row only
 * tells that there is more. `keyOf` gives a row's sort key (its cursor);
 * `count` counts every row of the same query (same scope, same filter).
 */
export function toConnection<T>(
  rows: readonly T[],
  page: PageRequest,
  keyOf: (row: T) => readonly (string | number)[],
  count: () => Promise<number>,
): Connection<T> {
  const hasNextPage = rows.length > page.first;
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  const pageInfo: PageInfo = {
    hasNextPage,
    hasPreviousPage: !!page.after,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return new Connection(nodes, edges, pageInfo, count);
}

/** A list that cannot match anything (a filter outside the caller's scope). */
export function emptyConnection<T>(page: PageRequest): Connection<T> {
  return toConnection<T>([], page, () => [], async () => 0);
}

/**
 * The GraphQL types of a connection of `nodeType`: declares `<Name>Edge` and
 * returns an abstract class to extend, as
 * `@ObjectType() class ProfessionalConnection extends ConnectionType(Professional, 'Professional') {}`.
 * Resolvers return a `Connection<T>` (from `toConnection`).
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `${name} 列表中的一条及其游标` })
  class EdgeType implements Edge<T> {
    @Field({ description: '此条的游标：作为 after 从此条之后继续' }) cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionBase {
    @Field(() => [EdgeType]) edges: Edge<T>[];
    @Field(() => [nodeType], { description: '与 edges 的 node 相同，不需要游标时使用' }) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: '符合条件（调用者可见范围内）的总数；仅在请求此字段时计算' }) totalCount: number;
  }
  return ConnectionBase;
}
