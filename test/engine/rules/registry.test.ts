// The rule types' registry against the five tenants' policies: every rule used is registered,
// sound, and reads exactly the parameters it declares (which the policy checks verify).
import { checkRule, ruleParams, type PolicyDocument } from '../../../server/engine';
import { ruleTypeOf, type RuleSpec } from '../../../server/engine/rules/registry';
import { compileForTest } from '../support/rule.harness';
import { tenant } from '../support/engine.factory';

const codes = ['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'] as const;

function rulesOf(policy: PolicyDocument): [string, RuleSpec][] {
  return policy.versions.flatMap((v) => Object.entries(v.kinds).map(([code, kind]): [string, RuleSpec] => [`${v.fromYear} ${code}`, kind.rule]));
}

describe.each(codes)('rule types of %s', (code) => {
  const rules = rulesOf(tenant(code));

  it('are all registered and sound', () => {
    for (const [, rule] of rules) {
      expect(ruleTypeOf(rule).type).toBe(rule.type);
      expect(checkRule(rule)).toEqual([]);
    }
  });

  it('read exactly the parameters they declare', () => {
    for (const [where, rule] of rules) {
      const read = compileForTest(ruleTypeOf(rule), rule).slotNames;
      const declared = [...new Set(ruleParams(rule).map((p) => p.name))];
      expect([where, [...read].sort()]).toEqual([where, declared.sort()]);
    }
  });
});

describe('rule registry', () => {
  it('rejects a rule type it does not know', () => {
    expect(() => ruleTypeOf({ type: 'astrology' } as unknown as RuleSpec)).toThrow('unknown rule type “astrology”');
  });
});
