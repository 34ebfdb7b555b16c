// Runs one rule type on its own: compiles a spec as the kind compiler would (slots assigned on
// first use) and evaluates it on a declaration's parameters.
import type { ParamValue } from '../../../server/engine';
import { newRuleOut, type RuleOut, type RuleType } from '../../../server/engine/rules/rule';

export interface CompiledForTest {
  /** Parameters in slot order, as the rule asked for them. */
  slotNames: string[];
  run(params: Record<string, ParamValue>): RuleOut;
}

export function compileForTest<S extends { type: string }>(
  ruleType: RuleType<S>,
  spec: S,
  { unit = '学时', labels = {} }: { unit?: string; labels?: Record<string, string> } = {},
): CompiledForTest {
  const slotNames: string[] = [];
  const slotOf = (name: string) => {
    let i = slotNames.indexOf(name);
    if (i < 0) i = slotNames.push(name) - 1;
    return i;
  };
  const rule = ruleType.compile(spec, { unit, labels: new Map(Object.entries(labels)), slotOf });
  return {
    slotNames,
    run(params) {
      const out = newRuleOut();
      rule(
        slotNames.map((name) => params[name]),
        out,
      );
      return out;
    },
  };
}

/** Amount and text of one evaluation. */
export function evaluateRule<S extends { type: string }>(
  ruleType: RuleType<S>,
  spec: S,
  params: Record<string, ParamValue>,
  options?: { unit?: string; labels?: Record<string, string> },
): RuleOut {
  return compileForTest(ruleType, spec, options).run(params);
}
