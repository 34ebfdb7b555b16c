// Tenant policy files: schema, loader and errors (used at start, by tools and by tests).
export { PolicyError, type PolicyIssue } from './policy-file.error';
export { policySchema, type PolicyFileContent } from './policy.schema';
export { parsePolicy, loadPolicyFile, loadAllPolicies, formatPath } from './policy.loader';
