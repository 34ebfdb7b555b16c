// One place turns every failure into a GraphQL error with a Chinese message,
// a code of the `ErrorCode` enum and, where it applies, the field at fault.
// Anything else (a code outside the enum, an error without a code) is logged
// and answered as INTERNAL_SERVER_ERROR. English from graphql-js, Apollo and
// class-validator is put into Chinese; graphql-js's own text stays in
// `extensions.detail` for those who search for it.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { isErrorCode } from '../platform/error-code.enum';
import { AppError, commonError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { errorCatalog } from './registry';

const CJK = /[\u3400-\u9fff]/;

// class-validator's default messages, by constraint key. The arguments come
// back out of the English text, the only place they are kept (the schema
// strips targets and values from validation errors).
type Template = (english: string) => string | null;
const number = (pattern: RegExp, chinese: (n: string) => string): Template => (english) => {
  const found = pattern.exec(english);
  return found ? chinese(found[1]!) : null;
};
export const CONSTRAINT_MESSAGES: Readonly<Record<string, Template>> = {
  max: number(/must not be greater than (\S+)$/, (n) => `不能大于 ${n}`),
  min: number(/must not be less than (\S+)$/, (n) => `不能小于 ${n}`),
  isLength: (english) => {
    const both = /longer than or equal to (\d+) and shorter than or equal to (\d+) characters$/.exec(english);
    if (both) return `长度须为 ${both[1]}–${both[2]} 个字符`;
    return number(/longer than or equal to (\d+) characters$/, (n) => `长度不能少于 ${n} 个字符`)(english) ?? number(/shorter than or equal to (\d+) characters$/, (n) => `长度不能超过 ${n} 个字符`)(english);
  },
  minLength: number(/longer than or equal to (\d+) characters$/, (n) => `长度不能少于 ${n} 个字符`),
  maxLength: number(/shorter than or equal to (\d+) characters$/, (n) => `长度不能超过 ${n} 个字符`),
  matches: () => '格式不正确',
  arrayMaxSize: number(/no more than (\d+) elements$/, (n) => `最多 ${n} 项`),
  arrayMinSize: number(/at least (\d+) elements$/, (n) => `至少 ${n} 项`),
  arrayUnique: () => '不能有重复项',
  isInt: () => '须为整数',
  isBoolean: () => '须为 true 或 false',
  isEmail: () => '须为有效的电子邮件地址',
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须填写',
  nestedValidation: () => '须为对象或对象列表',
  // @IsOptional only skips the other checks of an absent value: it has no message of its own.
};

/** A violated constraint in Chinese: an explicit Chinese message as it is, a default one translated. */
export function constraintMessage(key: string, message: string): string {
  if (CJK.test(message)) return message;
  const each = message.startsWith('each value in ') ? '每一项' : '';
  return each + (CONSTRAINT_MESSAGES[key]?.(message) ?? '取值不符合要求');
}

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const [constraint] = Object.entries(e.constraints ?? {});
    if (constraint) return { field, message: constraintMessage(constraint[0], constraint[1]) };
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

// graphql-js and Apollo messages clients commonly meet; others keep their English after the code's message.
const q = '"([^"]+)"';
const suggestion = (s: string | undefined) => (s ? `（是否想用 ${s.replace(/ or /g, '、')}？）` : '');
const ENGLISH: [RegExp, (...m: string[]) => string][] = [
  [new RegExp(`^Cannot query field ${q} on type ${q}\\.(?: Did you mean (.+)\\?)?$`), (f, t, s) => `类型 ${t} 没有字段 ${f}${suggestion(s)}`],
  [new RegExp(`^Unknown argument ${q} on field ${q}\\.(?: Did you mean (.+)\\?)?$`), (a, f, s) => `字段 ${f} 没有参数 ${a}${suggestion(s)}`],
  [new RegExp(`^Field ${q} argument ${q} of type ${q} is required, but it was not provided\\.$`), (f, a, t) => `字段 ${f} 缺少必填参数 ${a}（类型 ${t}）`],
  [new RegExp(`^Field ${q} of type ${q} must have a selection of subfields\\.`), (f, t) => `字段 ${f}（类型 ${t}）须列出要查询的子字段`],
  [new RegExp(`^Field ${q} must not have a selection since type ${q} has no subfields\\.$`), (f, t) => `字段 ${f}（类型 ${t}）没有子字段`],
  [new RegExp(`^Unknown type ${q}\\.(?: Did you mean (.+)\\?)?$`), (t, s) => `没有类型 ${t}${suggestion(s)}`],
  [/^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\.$/, (v, t) => `缺少必填变量 $${v}（类型 ${t}）`],
  [/^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\.$/, (v, t) => `变量 $${v}（类型 ${t}）不能为 null`],
  [/^Variable "\$([^"]+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s, (v, value, at, why) => `变量 $${v}${at ? ` 的 ${at}` : ''} 的值 ${value} 无效：${translate(why)}`],
  [/^Variable "\$([^"]+)" is not defined(?: by operation "[^"]+")?\.$/, (v) => `变量 $${v} 未在操作中声明`],
  [/^Variable "\$([^"]+)" is never used(?: in operation "[^"]+")?\.$/, (v) => `变量 $${v} 已声明但未使用`],
  [/^Expected value of type "([^"]+)", found (.+?)(?:; (.*))?$/s, (t, v, why) => `值应为 ${t} 类型，实际为 ${v}${why ? `：${translate(why)}` : ''}`],
  [/^Int cannot represent non-integer value: (.*)$/s, (v) => `Int 类型须为整数，实际为 ${v}`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (v) => `Int 类型须在 -2147483648 到 2147483647 之间，实际为 ${v}`],
  [/^Float cannot represent non numeric value: (.*)$/s, (v) => `Float 类型须为数字，实际为 ${v}`],
  [/^(String|Boolean|ID) cannot represent (?:a non \w+ )?value: (.*)$/s, (t, v) => `${t} 类型不能取值 ${v}`],
  [new RegExp(`^Value ${q} does not exist in ${q} enum\\.(?: Did you mean (.+)\\?)?$`), (v, e, s) => `枚举 ${e} 没有取值 ${v}${suggestion(s)}`],
  [new RegExp(`^Enum ${q} cannot represent non-enum value: (.*?)\\.(?: Did you mean (.+)\\?)?$`), (e, v, s) => `枚举 ${e} 不能取值 ${v}${suggestion(s)}`],
  [new RegExp(`^Field ${q} of required type ${q} was not provided\\.$`), (f, t) => `缺少必填字段 ${f}（类型 ${t}）`],
  [new RegExp(`^Field ${q} is not defined by type ${q}\\.(?: Did you mean (.+)\\?)?$`), (f, t, s) => `类型 ${t} 没有字段 ${f}${suggestion(s)}`],
  [new RegExp(`^Unknown operation named ${q}\\.$`), (n) => `没有名为 ${n} 的操作`],
  [/^Must provide operation name if query contains multiple operations\.$/, () => '查询包含多个操作，须用 operationName 指明执行哪一个'],
  [/non-empty `query` or a `persistedQuery` extension/, () => '请求须包含非空的 query（或 persistedQuery 扩展）'],
  [/^POST body missing/, () => '请求体缺失、Content-Type 不是 application/json，或 JSON 对象为空'],
  [/^`(variables|extensions)` in a \S+ (?:body|request) (?:should|must) be provided as an object/, (k) => `${k} 须为 JSON 对象`],
  [/^`(query|operationName)` in a \S+ (?:body|request) must be a string/, (k) => `${k} 须为字符串`],
  [/^Can only perform a (\w+) operation from a POST request/, (kind) => `${kind} 操作只能用 POST 请求执行`],
  [/Cross-Site Request Forgery/, () => '请求可能来自跨站伪造（CSRF），已拒绝：请使用 Content-Type: application/json，或加上请求头 apollo-require-preflight'],
  [/^Syntax Error: Expected (.+?), found <EOF>\.$/, (x) => `此处应为${token(x)}，查询却已结束`],
  [/^Syntax Error: Expected (.+?), found (.+)\.$/, (x, y) => `此处应为${token(x)}，却是${token(y)}`],
  [/^Syntax Error: Unexpected <EOF>\.$/, () => '查询意外结束'],
  [/^Syntax Error: Unexpected (.+)\.$/, (x) => `此处不应出现${token(x)}`],
  [/^Syntax Error: Unterminated string\.$/, () => '字符串缺少结束引号'],
  [/^GraphQL introspection is not allowed/, () => '本服务未开放内省查询（__schema、__type）'],
  [/^Syntax Error: (.*)$/s, (detail) => detail],
];
// graphql-js names a token by its kind ("Name") and text
const token = (t: string) => (t === 'Name' ? '名称' : t.startsWith('Name ') ? `名称 ${t.slice(5)}` : ` ${t}`);

function translate(english: string): string {
  for (const [pattern, chinese] of ENGLISH) {
    const found = pattern.exec(english);
    if (found) return chinese(...found.slice(1));
  }
  return english;
}

function where(formatted: GraphQLFormattedError): string {
  const at = formatted.locations?.[0];
  return at ? `（第 ${at.line} 行第 ${at.column} 列）` : '';
}

// Apollo's validation codes outside the enum are validation failures all the same.
const CODE_ALIASES: Readonly<Record<string, string>> = {
  INTROSPECTION_DISABLED: 'GRAPHQL_VALIDATION_FAILED',
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: 'GRAPHQL_VALIDATION_FAILED',
};
// Extensions that would tell a client about our internals.
const HIDDEN_EXTENSIONS = new Set(['stacktrace', 'http', 'exception', 'validationErrors']);
// What an AppError may add to `extensions` besides its code and field, each allowed on purpose
// (anything else it carries stays on the server): `problems`, a policy file's problems with
// their line and column (POLICY_FILE_INVALID).
const ALLOWED_EXTENSIONS = ['problems'] as const;

interface Formatted {
  response: GraphQLFormattedError;
  /** set when the client sees only INTERNAL_SERVER_ERROR: what to log */
  unexpected?: unknown;
}

// graphql-js's "Did you mean …?" (fields, arguments, types, enum values) names parts of the schema.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A message without graphql-js's suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

function toResponse(formatted: GraphQLFormattedError, error: unknown, catalog: ReadonlyMap<string, string>): Formatted {
  const original = unwrapResolverError(error);
  const at = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  const internal = (): Formatted => ({
    response: { message: commonError.catalog.INTERNAL_SERVER_ERROR, ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    unexpected: rootCause(original),
  });
  if (original instanceof AppError) {
    if (!isErrorCode(original.code)) return internal();
    const message = CJK.test(original.message) ? original.message : catalog.get(original.code)!;
    const extra = Object.fromEntries(ALLOWED_EXTENSIONS.filter((key) => original.extensions?.[key] !== undefined).map((key) => [key, original.extensions![key]]));
    return { response: { message, ...at, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...extra } } };
  }
  if (original instanceof ArgumentValidationError) {
    const v = firstViolation(original.extensions.validationErrors);
    const message = v ? `${commonError.catalog.BAD_USER_INPUT}（${v.field}）：${v.message}` : commonError.catalog.BAD_USER_INPUT;
    return { response: { message, ...at, extensions: { code: 'BAD_USER_INPUT', ...(v ? { field: v.field } : {}) } } };
  }
  if (original instanceof AuthenticationError) {
    return { response: { message: commonError.catalog.UNAUTHENTICATED, ...at, extensions: { code: 'UNAUTHENTICATED' } } };
  }
  if (original instanceof AuthorizationError) {
    return { response: { message: commonError.catalog.FORBIDDEN, ...at, extensions: { code: 'FORBIDDEN' } } };
  }
  const given = formatted.extensions?.code;
  const code = typeof given === 'string' ? (CODE_ALIASES[given] ?? given) : undefined;
  if (!code || code === 'INTERNAL_SERVER_ERROR' || !isErrorCode(code)) return internal();
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formatted.extensions ?? {})) if (!HIDDEN_EXTENSIONS.has(key)) extensions[key] = value;
  extensions.code = code;
  if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
    const field = variableField(formatted.message);
    if (field) extensions.field = field;
  }
  if (CJK.test(formatted.message)) return { response: { message: formatted.message, ...at, extensions } };
  extensions.detail = formatted.message;
  const message = `${catalog.get(code) ?? commonError.catalog.BAD_REQUEST}${where(formatted)}：${translate(formatted.message)}`;
  return { response: { message, ...at, extensions } };
}

// graphql-js's variable coercion failures name the variable and, inside it, the path at fault.
const VARIABLE = /^Variable "\$([^"]+)"(?: got invalid value .*? at "([^"]+)";)?/s;

/** The variable (`y`) or the path inside it (`i.joinedUnitOn`, `a[0].kind`) a coercion failure is about. */
function variableField(message: string): string | null {
  const found = VARIABLE.exec(message);
  return found ? (found[2] ?? found[1]!) : null;
}

export interface FormatError {
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /**
   * Logs, on the request's own logger, the errors its client will see only as
   * INTERNAL_SERVER_ERROR; the formatter then does not log them again. Errors
   * no request reported (a failure before the request had a context) are
   * logged by the formatter on the process logger.
   */
  report: (log: Logger, errors: readonly unknown[]) => void;
}

export interface FormatErrorOptions {
  /** Keep graphql-js's "Did you mean …?" suggestions (they reveal the schema); default true. */
  fieldSuggestions?: boolean;
}

export function createFormatError(logger: Logger, options: FormatErrorOptions = {}): FormatError {
  const catalog = errorCatalog();
  const suggestions = options.fieldSuggestions ?? true;
  const reported = new WeakSet<object>();
  const logUnexpected = (log: Logger, formatted: GraphQLFormattedError, unexpected: unknown) => {
    log.error({ err: unexpected, code: formatted.extensions?.code ?? null, path: formatted.path ?? null }, 'unexpected error');
  };
  const isReported = (e: unknown) => typeof e === 'object' && e !== null && reported.has(e);
  const format = (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = suggestions ? given : { ...given, message: withoutSuggestions(given.message) };
    const { response, unexpected } = toResponse(formatted, error, catalog);
    if (unexpected !== undefined && !isReported(unexpected)) logUnexpected(logger, formatted, unexpected);
    return response;
  };
  const report = (log: Logger, errors: readonly unknown[]) => {
    for (const error of errors) {
      const formatted = toFormatted(error);
      const { unexpected } = toResponse(formatted, error, catalog);
      if (unexpected === undefined || isReported(unexpected)) continue;
      logUnexpected(log, formatted, unexpected);
      if (typeof unexpected === 'object' && unexpected !== null) reported.add(unexpected);
    }
  };
  return Object.assign(format, { report });
}

// Apollo wraps what a context function or plugin throws; the thrown error is what gets reported.
function rootCause(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? rootCause(error.originalError) : error;
}

// What Apollo hands the formatter, for an error seen earlier by a plugin.
function toFormatted(error: unknown): GraphQLFormattedError {
  const e = error as { message?: unknown; path?: unknown; extensions?: Record<string, unknown> };
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(Array.isArray(e?.path) ? { path: e.path as (string | number)[] } : {}),
    extensions: { ...e?.extensions, code: e?.extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
  };
}
