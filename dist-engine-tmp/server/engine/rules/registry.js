"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ruleTypeOf = ruleTypeOf;
exports.ruleParams = ruleParams;
exports.checkRule = checkRule;
// Every rule type of the policy vocabulary. A new rule type is one file in this folder
// (its spec, checks, compilation and evaluation; see rule.ts) and its entry below; the
// policy document type (RuleSpec) and the compiler follow from this list.
const actual_hours_rule_1 = require("./actual-hours.rule");
const brackets_rule_1 = require("./brackets.rule");
const deem_complete_rule_1 = require("./deem-complete.rule");
const fixed_rule_1 = require("./fixed.rule");
const lookup_rule_1 = require("./lookup.rule");
const pro_rata_rule_1 = require("./pro-rata.rule");
const table_rule_1 = require("./table.rule");
const RULE_TYPES = [fixed_rule_1.fixedRule, actual_hours_rule_1.actualHoursRule, lookup_rule_1.lookupRule, table_rule_1.tableRule, brackets_rule_1.bracketsRule, pro_rata_rule_1.proRataRule, deem_complete_rule_1.deemCompleteRule];
const byType = new Map();
for (const ruleType of RULE_TYPES) {
    if (byType.has(ruleType.type))
        throw new Error(`rule type “${ruleType.type}” is registered twice`);
    byType.set(ruleType.type, ruleType);
}
/** The rule type of a spec (the policy schema admits only registered types). */
function ruleTypeOf(spec) {
    const found = byType.get(spec.type);
    if (found === undefined)
        throw new Error(`unknown rule type “${String(spec.type)}”`);
    return found;
}
/** Declaration parameters a rule reads, with their paths inside the rule (for the policy file checks). */
function ruleParams(spec) {
    return ruleTypeOf(spec).params(spec);
}
/** Problems of a rule that its shape alone does not show (paths inside the rule); [] when sound. */
function checkRule(spec) {
    return ruleTypeOf(spec).check(spec);
}
