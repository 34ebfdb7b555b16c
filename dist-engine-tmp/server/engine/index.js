"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isValidDate = exports.workingDaysBetween = exports.splitAmongAuthors = exports.coauthorShare = exports.checkRule = exports.ruleParams = exports.versionForYear = exports.compilePolicy = exports.validateActivityParams = exports.checkTitleEligibility = exports.evaluateYear = void 0;
// The hours engine: pure functions from (policy, profile, activities, year, today) to hours
// and verdicts with their explanation. No database, clock, network or file system.
__exportStar(require("./policy.types"), exports);
__exportStar(require("./engine.types"), exports);
var year_evaluator_1 = require("./year-evaluator");
Object.defineProperty(exports, "evaluateYear", { enumerable: true, get: function () { return year_evaluator_1.evaluateYear; } });
var title_eligibility_1 = require("./title-eligibility");
Object.defineProperty(exports, "checkTitleEligibility", { enumerable: true, get: function () { return title_eligibility_1.checkTitleEligibility; } });
var param_validator_1 = require("./param-validator");
Object.defineProperty(exports, "validateActivityParams", { enumerable: true, get: function () { return param_validator_1.validateActivityParams; } });
var policy_compiler_1 = require("./policy-compiler");
Object.defineProperty(exports, "compilePolicy", { enumerable: true, get: function () { return policy_compiler_1.compilePolicy; } });
Object.defineProperty(exports, "versionForYear", { enumerable: true, get: function () { return policy_compiler_1.versionForYear; } });
var registry_1 = require("./rules/registry");
Object.defineProperty(exports, "ruleParams", { enumerable: true, get: function () { return registry_1.ruleParams; } });
Object.defineProperty(exports, "checkRule", { enumerable: true, get: function () { return registry_1.checkRule; } });
var coauthor_split_1 = require("./coauthor-split");
Object.defineProperty(exports, "coauthorShare", { enumerable: true, get: function () { return coauthor_split_1.coauthorShare; } });
Object.defineProperty(exports, "splitAmongAuthors", { enumerable: true, get: function () { return coauthor_split_1.splitAmongAuthors; } });
var working_days_1 = require("./working-days");
Object.defineProperty(exports, "workingDaysBetween", { enumerable: true, get: function () { return working_days_1.workingDaysBetween; } });
Object.defineProperty(exports, "isValidDate", { enumerable: true, get: function () { return working_days_1.isValidDate; } });
