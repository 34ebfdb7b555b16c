// Tenant policy files: schema, loader and errors.
export { PolicyError, type PolicyIssue } from './policy.errors';
export { policySchema, type PolicyFileContent } from './policy.schema';
export { parsePolicy, loadPolicyFile, loadAllPolicies, formatPath } from './policy.loader';
