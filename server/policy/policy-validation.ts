// Validates a whole policy document (a tenant file, or the document a publication would
// make) and says what is wrong in Chinese, each problem at its path in the document.
import type { z } from 'zod';
import type { PolicyDocument } from '../engine/policy.types';
import { policySchema } from './policy.schema';
import { protoKeyPaths, reservedNameMessage } from './reserved-names';

export interface DocumentIssue {
  /** Path inside the document, e.g. ['versions', 0, 'kinds', 'paper', 'source']. */
  path: (string | number)[];
  message: string;
}

export type Validated = { ok: true; document: PolicyDocument } | { ok: false; issues: DocumentIssue[] };

export function validatePolicy(raw: unknown): Validated {
  // The schema's records drop a "__proto__" key without a word: refuse it first.
  const proto = protoKeyPaths(raw);
  if (proto.length > 0) return { ok: false, issues: proto.map((path) => ({ path, message: reservedNameMessage('__proto__') })) };
  const result = policySchema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, document: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(toKey), message: messageOf(i) })) };
}

/** "versions[0].kinds.paper.source" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(根)' : out;
}

function toKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key);
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文字',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: '对象',
  int: '整数',
};

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `未知的键：${issue.keys.map((k) => `“${k}”`).join('、')}（不允许出现未定义的键）`;
    case 'invalid_type': {
      // zod puts our custom Chinese text in the message; fall back to a generic one.
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const got = issue.input === undefined ? '缺失' : Array.isArray(issue.input) ? '列表' : typeof issue.input;
      return issue.input === undefined ? `缺少必填项，应为${expected}` : `类型错误，应为${expected}，实际为${TYPE_NAMES[got] ?? got}`;
    }
    case 'invalid_key':
      // the key's own check says what is wrong with it (camelCase, a reserved name…)
      return issue.issues[0]?.message ?? `名称“${String(issue.input)}”无效`;
    default:
      return issue.message;
  }
}
