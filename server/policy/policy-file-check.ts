// A policy file submitted as text (an operator onboarding a tenant): read and validated
// exactly as the files in tenants/ are, and each problem placed at its line and column in
// the text, so the console can point at it. Syntax errors carry their position from the
// yaml parser; a schema problem's path is looked up in the parsed document (the nearest
// node that exists: a missing key is shown at the map that should hold it).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PolicyDocument } from '../engine/policy.types';
import { POLICY_YAML_OPTIONS, withoutAnchorBlocks } from './policy.loader';
import { formatPath, validatePolicy } from './policy-validation';

export { MAX_POLICY_FILE_BYTES } from './input-bounds';
/** Problems reported at most: the first ones are what an author fixes first. */
export const MAX_PROBLEMS = 50;

export interface PolicyFileProblem {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** the path inside the document ("versions[0].kinds.paper.source"); null for a YAML syntax error */
  path: string | null;
  message: string;
}

export type PolicyFileCheck = { ok: true; document: PolicyDocument } | { ok: false; problems: PolicyFileProblem[] };

/** Checks a policy file's text; its `code` must be `code`. */
export function checkPolicyFile(text: string, code: string): PolicyFileCheck {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...POLICY_YAML_OPTIONS, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, MAX_PROBLEMS).map((err) => {
        const at = err.linePos?.[0] ?? { line: 1, col: 1 };
        // the message as parsePolicy words it for the files in tenants/
        return { line: at.line, column: at.col, path: null, message: `YAML 语法错误：${err.message.split('\n')[0]}` };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: POLICY_YAML_OPTIONS.maxAliasCount });
  } catch (err) {
    // too many aliases: the yaml package's guard against an alias bomb
    return { ok: false, problems: [{ line: 1, column: 1, path: null, message: `YAML 语法错误：${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }] };
  }
  const place = (path: readonly (string | number)[], message: string): PolicyFileProblem => {
    const offset = nodeAt(doc, path)?.range?.[0] ?? 0;
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col, path: formatPath(path), message };
  };
  const result = validatePolicy(withoutAnchorBlocks(raw));
  if (!result.ok) return { ok: false, problems: result.issues.slice(0, MAX_PROBLEMS).map((i) => place(i.path, i.message)) };
  if (result.document.code !== code) {
    return { ok: false, problems: [place(['code'], `政策文件的租户代码“${result.document.code}”应与所开通租户的代码一致，应为“${code}”`)] };
  }
  return { ok: true, document: result.document };
}

/** The node at a path, or the nearest one above it that exists; aliases are followed to their anchor. */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = isNode(node) ? node : null;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      // a key without a value: the key itself is where the problem is
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (!isNode(next)) break;
    node = next;
    found = next;
  }
  return found;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
