// A policy file that does not validate. The message lists every problem as
// "<file>: <path>: <what was expected>", one a line.

export interface PolicyIssue {
  /** Path inside the file, e.g. versions[0].kinds.paper.rule.table.cells.provincial. */
  path: string;
  message: string;
}

export class PolicyError extends Error {
  readonly file: string;
  readonly issues: PolicyIssue[];

  constructor(file: string, issues: PolicyIssue[]) {
    super(`策略文件 ${file} 无效：\n${issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PolicyError';
    this.file = file;
    this.issues = issues;
  }
}
