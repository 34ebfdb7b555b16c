// Reads tenants/<code>.yaml, validates it against the policy schema and returns the
// document the engine evaluates. Every error names the file, the path inside it and
// what was expected, so a bureau's policy change is fixed from the message alone.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { PolicyDocument } from '../engine/policy.types';
import { PolicyError } from './policy-file.error';
import { formatPath, validatePolicy } from './policy-validation';

export { formatPath } from './policy-validation';

/**
 * How a policy file's YAML is read, here and where a file is checked with positions
 * (policy-file-check.ts). Anchors and aliases let one file reuse a table (Binzhou repeats its
 * tables in both regimes); a key given twice is an error, not the last one winning.
 */
export const POLICY_YAML_OPTIONS = { uniqueKeys: true, maxAliasCount: 1000 } as const;

export function parsePolicy(text: string, fileName: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = parse(text, POLICY_YAML_OPTIONS);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0];
      const where = line ? `第${line.line}行第${line.col}列` : '';
      throw new PolicyError(fileName, [{ path: where, message: `YAML 语法错误：${err.message.split('\n')[0]}` }]);
    }
    throw err;
  }
  const result = validatePolicy(withoutAnchorBlocks(raw));
  if (!result.ok) throw new PolicyError(fileName, result.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const expected = basename(fileName).replace(/\.ya?ml$/, '');
  if (result.document.code !== expected) {
    throw new PolicyError(fileName, [{ path: 'code', message: `租户代码“${result.document.code}”应与文件名一致，应为“${expected}”` }]);
  }
  return result.document;
}

/**
 * Top-level keys starting with "x-" only hold YAML anchors for reuse (tables, parameter
 * lists); their content is checked where it is referenced, so they are dropped here.
 */
export function withoutAnchorBlocks(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('x-')));
}

export function loadPolicyFile(path: string): PolicyDocument {
  return parsePolicy(readFileSync(path, 'utf8'), path);
}

/** Every tenants/*.yaml file, keyed by tenant code. */
export function loadAllPolicies(dir: string): Map<string, PolicyDocument> {
  const policies = new Map<string, PolicyDocument>();
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const policy = loadPolicyFile(join(dir, file));
    policies.set(policy.code, policy);
  }
  return policies;
}
