"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePolicy = parsePolicy;
exports.loadPolicyFile = loadPolicyFile;
exports.loadAllPolicies = loadAllPolicies;
exports.formatPath = formatPath;
// Reads tenants/<code>.yaml, validates it against the policy schema and returns the
// document the engine evaluates. Every error names the file, the path inside it and
// what was expected, so a bureau's policy change is fixed from the message alone.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const yaml_1 = require("yaml");
const policy_file_error_1 = require("./policy-file.error");
const policy_schema_1 = require("./policy.schema");
function parsePolicy(text, fileName) {
    let raw;
    try {
        // Anchors and aliases let one file reuse a table (Binzhou repeats its tables in both regimes).
        raw = (0, yaml_1.parse)(text, { uniqueKeys: true, maxAliasCount: 1000 });
    }
    catch (err) {
        if (err instanceof yaml_1.YAMLParseError) {
            const line = err.linePos?.[0];
            const where = line ? `第${line.line}行第${line.col}列` : '';
            throw new policy_file_error_1.PolicyError(fileName, [{ path: where, message: `YAML 语法错误：${err.message.split('\n')[0]}` }]);
        }
        throw err;
    }
    const result = policy_schema_1.policySchema.safeParse(withoutAnchorBlocks(raw), { reportInput: true });
    if (!result.success)
        throw new policy_file_error_1.PolicyError(fileName, result.error.issues.map(toIssue));
    const expected = (0, node_path_1.basename)(fileName).replace(/\.ya?ml$/, '');
    if (result.data.code !== expected) {
        throw new policy_file_error_1.PolicyError(fileName, [{ path: 'code', message: `租户代码“${result.data.code}”应与文件名一致，应为“${expected}”` }]);
    }
    return result.data;
}
/**
 * Top-level keys starting with "x-" only hold YAML anchors for reuse (tables, parameter
 * lists); their content is checked where it is referenced, so they are dropped here.
 */
function withoutAnchorBlocks(raw) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return raw;
    return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('x-')));
}
function loadPolicyFile(path) {
    return parsePolicy((0, node_fs_1.readFileSync)(path, 'utf8'), path);
}
/** Every tenants/*.yaml file, keyed by tenant code. */
function loadAllPolicies(dir) {
    const policies = new Map();
    const files = (0, node_fs_1.readdirSync)(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const file of files) {
        const policy = loadPolicyFile((0, node_path_1.join)(dir, file));
        policies.set(policy.code, policy);
    }
    return policies;
}
function formatPath(path) {
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else
            out += out === '' ? String(key) : `.${String(key)}`;
    }
    return out === '' ? '(根)' : out;
}
const TYPE_NAMES = {
    number: '数字',
    string: '文字',
    boolean: '布尔值（true/false）',
    array: '列表',
    object: '对象',
    int: '整数',
};
function toIssue(issue) {
    const path = formatPath(issue.path);
    switch (issue.code) {
        case 'unrecognized_keys':
            return { path, message: `未知的键：${issue.keys.map((k) => `“${k}”`).join('、')}（不允许出现未定义的键）` };
        case 'invalid_type': {
            // zod puts our custom Chinese text in the message; fall back to a generic one.
            const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
            const got = issue.input === undefined ? '缺失' : Array.isArray(issue.input) ? '列表' : typeof issue.input;
            const what = issue.input === undefined ? `缺少必填项，应为${expected}` : `类型错误，应为${expected}，实际为${TYPE_NAMES[got] ?? got}`;
            return { path, message: what };
        }
        default:
            return { path, message: issue.message };
    }
}
