// Input no column can hold, refused before any work: PostgreSQL's text types
// reject the NUL character (U+0000), so a string argument carrying one would
// otherwise reach the driver and fail there as an internal error. Every string
// the operation receives — in its variables or written in the query — is
// checked here once, for every field of every capability.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Context } from '../platform/context';

const NUL = '\u0000';

/** The path (`input.name`, `list.2.kind`) of the first string holding NUL in a variable value, or null. */
function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulInValue(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulInValue(inner, path ? `${path}.${key}` : key) ?? (key.includes(NUL) ? path : null);
      if (found) return found;
    }
  }
  return null;
}

/** nulInDocument's answer per document (Apollo keeps one parsed document per query text). */
const checked = new WeakMap<DocumentNode, string | null>();

/** The argument path of the first string literal holding NUL in the document, or null; once per document. */
function nulInDocument(document: DocumentNode): string | null {
  let found = checked.get(document);
  if (found === undefined) {
    found = findNulInDocument(document);
    checked.set(document, found);
  }
  return found;
}

function findNulInDocument(document: DocumentNode): string | null {
  const path: string[] = [];
  let found: string | null = null;
  visit(document, {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    VariableDefinition: { enter: (node) => void path.push(node.variable.name.value), leave: () => void path.pop() },
    StringValue(node) {
      if (found === null && node.value.includes(NUL)) found = path.join('.') || 'query';
    },
  });
  return found;
}

/** Refuses, as BAD_USER_INPUT naming the argument, any string input holding U+0000. */
export function nulBytePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = nulInValue(request.variables ?? {}, '') ?? nulInDocument(document);
          if (field === null) return;
          throw new GraphQLError(`输入有误（${field}）：不能包含空字符（U+0000）`, {
            extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
