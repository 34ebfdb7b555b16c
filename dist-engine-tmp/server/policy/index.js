"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatPath = exports.loadAllPolicies = exports.loadPolicyFile = exports.parsePolicy = exports.policySchema = exports.PolicyError = void 0;
// Tenant policy files: schema, loader and errors (used at start, by tools and by tests).
var policy_file_error_1 = require("./policy-file.error");
Object.defineProperty(exports, "PolicyError", { enumerable: true, get: function () { return policy_file_error_1.PolicyError; } });
var policy_schema_1 = require("./policy.schema");
Object.defineProperty(exports, "policySchema", { enumerable: true, get: function () { return policy_schema_1.policySchema; } });
var policy_loader_1 = require("./policy.loader");
Object.defineProperty(exports, "parsePolicy", { enumerable: true, get: function () { return policy_loader_1.parsePolicy; } });
Object.defineProperty(exports, "loadPolicyFile", { enumerable: true, get: function () { return policy_loader_1.loadPolicyFile; } });
Object.defineProperty(exports, "loadAllPolicies", { enumerable: true, get: function () { return policy_loader_1.loadAllPolicies; } });
Object.defineProperty(exports, "formatPath", { enumerable: true, get: function () { return policy_loader_1.formatPath; } });
