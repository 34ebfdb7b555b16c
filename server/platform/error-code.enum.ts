// The `ErrorCode` enum of the SDL: every `extensions.code` the API answers
// with, each described by its Chinese message. Its values come from the
// capabilities' error catalogs; app/ fills them in (fillErrorCodes) before it
// builds the schema, so a field can name the enum without knowing the list.
import { registerEnumType } from 'type-graphql';

export const ErrorCodeEnum: Record<string, string> = {};
const descriptions: Record<string, { description: string }> = {};

registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description: '错误代码：每个错误的 extensions.code 都是其中之一，说明即该错误的提示信息',
  valuesConfig: descriptions,
});

export function fillErrorCodes(catalog: ReadonlyMap<string, string>): void {
  for (const [code, message] of catalog) {
    ErrorCodeEnum[code] = code;
    descriptions[code] = { description: message };
  }
}

export function isErrorCode(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(ErrorCodeEnum, code);
}
