// Every rule type of the policy vocabulary. A new rule type is one file in this folder
// (its spec, checks, compilation and evaluation; see rule.ts) and its entry below; the
// policy document type (RuleSpec) and the compiler follow from this list.
import { actualHoursRule } from './actual-hours.rule';
import { bracketsRule } from './brackets.rule';
import { deemCompleteRule } from './deem-complete.rule';
import { fixedRule } from './fixed.rule';
import { lookupRule } from './lookup.rule';
import { proRataRule } from './pro-rata.rule';
import { recognizedHoursRule } from './recognized-hours.rule';
import type { RuleIssue, RuleParamRef, RuleType, SpecOf } from './rule';
import { tableRule } from './table.rule';

const RULE_TYPES = [fixedRule, actualHoursRule, lookupRule, tableRule, bracketsRule, proRataRule, deemCompleteRule, recognizedHoursRule] as const;

/** The rule of an activity kind in a policy file: the spec of one of the rule types. */
export type RuleSpec = SpecOf<(typeof RULE_TYPES)[number]>;

const byType = new Map<string, RuleType<RuleSpec>>();
for (const ruleType of RULE_TYPES) {
  if (byType.has(ruleType.type)) throw new Error(`rule type “${ruleType.type}” is registered twice`);
  byType.set(ruleType.type, ruleType);
}

/** The rule type of a spec (the policy schema admits only registered types). */
export function ruleTypeOf(spec: RuleSpec): RuleType<RuleSpec> {
  const found = byType.get(spec.type);
  if (found === undefined) throw new Error(`unknown rule type “${String(spec.type)}”`);
  return found;
}

/** Declaration parameters a rule reads, with their paths inside the rule (for the policy file checks). */
export function ruleParams(spec: RuleSpec): RuleParamRef[] {
  return ruleTypeOf(spec).params(spec);
}

/** Problems of a rule that its shape alone does not show (paths inside the rule); [] when sound. */
export function checkRule(spec: RuleSpec): RuleIssue[] {
  return ruleTypeOf(spec).check(spec);
}
