// One error type for the whole API: a code, a Chinese message for the user, and
// the field at fault. Each capability declares its codes with `defineErrors`
// (the compiler checks every code has a message) and exports the catalog in
// its module; app/ turns all catalogs into the `ErrorCode` enum of the SDL, so
// clients can see every code the API may answer with.
import { ID_NUMBER_ERROR_MESSAGES } from './id-number';

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly httpStatus?: number,
    /** More for the client in `extensions`; the formatter passes on only the keys it allows (ALLOWED_EXTENSIONS). */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The same error, carrying `extensions` for the client (such as the problems of a policy file, each at its line). */
export function withExtensions(error: AppError, extensions: Readonly<Record<string, unknown>>): AppError {
  return new AppError(error.code, error.message, error.field, error.httpStatus, { ...error.extensions, ...extensions });
}

/** Error codes and their Chinese messages (the messages describe the codes in the SDL). */
export type ErrorCatalog = Readonly<Record<string, string>>;

export interface ErrorFactory<Code extends string> {
  (code: Code, field?: string, detail?: string): AppError;
  readonly catalog: Readonly<Record<Code, string>>;
}

/**
 * A capability's error codes. `detail` replaces nothing: it follows the
 * message after a colon, for the specific part ("…：第 3 行").
 */
export function defineErrors<Code extends string>(messages: Record<Code, string>): ErrorFactory<Code> {
  const make = (code: Code, field?: string, detail?: string): AppError =>
    new AppError(code, detail ? `${messages[code]}：${detail}` : messages[code], field);
  return Object.assign(make, { catalog: messages });
}

/** An error whose whole message is specific to the case (the code's message describes the kind). */
export function errorWithMessage<Code extends string>(_factory: ErrorFactory<Code>, code: Code, message: string, field?: string): AppError {
  return new AppError(code, message, field);
}

/** Codes any capability, and the request pipeline, may answer with. */
export const commonError = defineErrors({
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在或无权访问',
  BAD_USER_INPUT: '输入有误',
  VERSION_CONFLICT: '记录已被他人修改，请刷新后重试',
  TENANT_REQUIRED: '此操作需要在租户范围内进行',
  QUERY_TOO_COMPLEX: '查询过于复杂，请减少字段或分页大小',
  GRAPHQL_PARSE_FAILED: '查询语句有语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询语句与接口定义不符',
  BAD_REQUEST: '请求格式有误',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
  PERSISTED_QUERY_NOT_FOUND: '未找到持久化查询',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后再试',
});

/** Credentials were presented and are not valid: HTTP 401, with what was wrong. */
export function unauthenticated(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, undefined, 401);
}

/** ID numbers are validated everywhere (GB 11643); their codes are shared. */
export const idNumberError = defineErrors(ID_NUMBER_ERROR_MESSAGES);
