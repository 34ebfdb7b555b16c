"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newRuleOut = newRuleOut;
exports.defineRule = defineRule;
exports.paramRefs = paramRefs;
function newRuleOut() {
    return { amount: 0, hasSplit: false, splitPublic: 0, splitProfessional: 0, deem: null, exempt: false, text: '', note: null };
}
/** A rule type with the usual defaults: no extra checks, order-insensitive, no exemption. */
function defineRule(rule) {
    return {
        type: rule.type,
        params: rule.params,
        check: rule.check ?? noIssues,
        compile: rule.compile,
        orderSensitive: rule.orderSensitive ?? false,
        exemptionReason: rule.exemptionReason ?? noExemption,
    };
}
function noIssues() {
    return [];
}
function noExemption() {
    return '';
}
/** The parameter names among [path, name] pairs, skipping the optional ones a spec leaves out. */
function paramRefs(...refs) {
    const found = [];
    for (const [path, name] of refs)
        if (name !== undefined)
            found.push({ path, name });
    return found;
}
