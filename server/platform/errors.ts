// One error type for the whole API: a code, a Chinese message for the user, and
// the field at fault. Each capability declares its codes with `defineErrors`,
// so the compiler checks every code has a message.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function defineErrors<Code extends string>(messages: Record<Code, string>) {
  return (code: Code, field?: string, detail?: string): AppError =>
    new AppError(code, detail ? `${messages[code]}：${detail}` : messages[code], field);
}

export const commonError = defineErrors({
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在或无权访问',
  BAD_USER_INPUT: '输入有误',
  VERSION_CONFLICT: '记录已被他人修改，请刷新后重试',
  TENANT_REQUIRED: '此操作需要在租户范围内进行',
});
