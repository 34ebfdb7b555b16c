// One place turns every failure into a GraphQL error with a code and, where
// it applies, the field at fault. Unexpected errors are logged and masked.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { AppError } from '../platform/errors';
import type { Logger } from '../platform/logger';

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { field, message };
    }
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const v = firstViolation(original.extensions.validationErrors);
      return {
        message: v ? `输入有误（${v.field}）：${v.message}` : '输入有误',
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', ...(v ? { field: v.field } : {}) },
      };
    }
    if (original instanceof AuthenticationError) {
      return { message: '请先登录', path: formatted.path, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof AuthorizationError) {
      return { message: '无权执行此操作', path: formatted.path, extensions: { code: 'FORBIDDEN' } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original }, 'unexpected error');
    return { message: '服务器内部错误', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
