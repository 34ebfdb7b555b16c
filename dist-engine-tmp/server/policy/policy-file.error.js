"use strict";
// A policy file that does not validate. The message lists every problem as
// "<file>: <path>: <what was expected>", one a line.
Object.defineProperty(exports, "__esModule", { value: true });
exports.PolicyError = void 0;
class PolicyError extends Error {
    file;
    issues;
    constructor(file, issues) {
        super(`策略文件 ${file} 无效：\n${issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n')}`);
        this.name = 'PolicyError';
        this.file = file;
        this.issues = issues;
    }
}
exports.PolicyError = PolicyError;
