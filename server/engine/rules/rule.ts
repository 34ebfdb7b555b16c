// What every rule type of the policy vocabulary provides (Vendure's promotion conditions
// are `{ code, args, check() }`): the parameters of its spec in the policy file, the checks
// the file's shape cannot express, and its compilation, once per policy version, into a
// function on an activity's slots that evaluates it with a few lookups and no parsing.
// Explanation texts that do not depend on the declaration are built at compilation; the
// others are memoised by their numbers (see memo-text).
import type { Subject } from '../policy-values.types';
import type { SlotOf, Slots } from '../slots';

/** Scratch the compiled rule writes into; reused across activities (no allocation per call). */
export interface RuleOut {
  /** Hours (or credits) for single-subject and flexible kinds; both subjects' sum for proRata. */
  amount: number;
  /** proRata rules yield both subjects: splitPublic and splitProfessional are then set. */
  hasSplit: boolean;
  splitPublic: number;
  splitProfessional: number;
  deem: 'YEAR' | Subject | null;
  exempt: boolean;
  text: string;
  note: string | null;
}

export function newRuleOut(): RuleOut {
  return { amount: 0, hasSplit: false, splitPublic: 0, splitProfessional: 0, deem: null, exempt: false, text: '', note: null };
}

/** A compiled rule working on an activity's slots. */
export type SlotRule = (slots: Slots, out: RuleOut) => void;

/** What a rule is compiled with, per kind. */
export interface RuleCompileContext {
  /** 学时 or 学分 (credit regime). */
  unit: string;
  /** Chinese names of the kind's parameters and enum values, for explanations. */
  labels: ReadonlyMap<string, string>;
  /** Gives the slot a parameter is read into; call it at compilation, never at evaluation. */
  slotOf: SlotOf;
}

/** A declaration parameter a rule reads, and where in the rule's spec it is named. */
export interface RuleParamRef {
  /** Path inside the rule spec, e.g. ['row', 'param']. */
  path: (string | number)[];
  name: string;
}

/** A problem in a rule spec that its shape alone does not show (path inside the rule spec). */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** One rule type: the spec's `type` in the policy file names it. */
export interface RuleType<S extends { type: string }> {
  readonly type: S['type'];
  /** Declaration parameters the rule reads (each must be declared in the kind's params). */
  params(spec: S): RuleParamRef[];
  /** What the policy file's shape check cannot express; [] when the spec is sound. */
  check(spec: S): RuleIssue[];
  /** Compiles the spec, once per kind of a policy version. */
  compile(spec: S, ctx: RuleCompileContext): SlotRule;
  /** Whether an activity's result can depend on the other activities (deeming: the first exemption counts). */
  readonly orderSensitive: boolean;
  /** Reason of the exemption an activity of the kind gives ("<kind>：免当年继续教育"); '' when the rule gives none. */
  exemptionReason(spec: S, kindName: string): string;
}

/** The spec type of a rule type. */
export type SpecOf<R> = R extends RuleType<infer S> ? S : never;

/** A rule type with the usual defaults: no extra checks, order-insensitive, no exemption. */
export function defineRule<S extends { type: string }>(
  rule: Pick<RuleType<S>, 'type' | 'params' | 'compile'> & Partial<Pick<RuleType<S>, 'check' | 'orderSensitive' | 'exemptionReason'>>,
): RuleType<S> {
  return {
    type: rule.type,
    params: rule.params,
    check: rule.check ?? noIssues,
    compile: rule.compile,
    orderSensitive: rule.orderSensitive ?? false,
    exemptionReason: rule.exemptionReason ?? noExemption,
  };
}

function noIssues(): RuleIssue[] {
  return [];
}

function noExemption(): string {
  return '';
}

/** The parameter names among [path, name] pairs, skipping the optional ones a spec leaves out. */
export function paramRefs(...refs: [(string | number)[], string | undefined][]): RuleParamRef[] {
  const found: RuleParamRef[] = [];
  for (const [path, name] of refs) if (name !== undefined) found.push({ path, name });
  return found;
}
