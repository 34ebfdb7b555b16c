// The shape of a GraphQL answer as the tests read it (kept apart from the harness, so that
// code which only sends requests, like the browser tests' support, does not load the server).

/**
 * The data of a response when a test names no type for it: the query text
 * fixes its shape, and the test's assertions check it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the query text, not a TypeScript type, fixes the shape
export type QueryData = any;

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface GqlResult<T = QueryData> {
  status: number;
  data: T;
  errors?: GqlError[];
}
