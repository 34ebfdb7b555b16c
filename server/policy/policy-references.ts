// Checks inside one policy version that zod's shape checks cannot express: complete
// lookup tables, parameters and groups that rules refer to, regime-specific sections.
import type { z } from 'zod';
import { checkRule, ruleParams, type KindSpec, type PolicyVersion } from '../engine';

type Ctx = z.RefinementCtx;

export function checkVersionReferences(version: PolicyVersion, ctx: Ctx): void {
  if (version.regime === 'CREDITS' && version.credits === undefined) {
    ctx.addIssue({ code: 'custom', path: ['credits'], message: '学分制版本必须规定 credits.windows（累计学分的年度范围）' });
  }
  for (const [code, kind] of Object.entries(version.kinds)) {
    const at = ['kinds', code];
    if (kind.group !== undefined && !(version.groups !== undefined && Object.hasOwn(version.groups, kind.group))) {
      ctx.addIssue({ code: 'custom', path: [...at, 'group'], message: `未定义的合并上限组“${kind.group}”，应在 groups 中定义` });
    }
    const names = new Set(kind.params.map((p) => p.name));
    for (const [path, name] of referencedParams(kind)) {
      if (!names.has(name)) {
        ctx.addIssue({ code: 'custom', path: [...at, ...path], message: `引用了未声明的参数“${name}”，应在 params 中声明` });
      }
    }
    if (kind.titleClass !== undefined && kind.rule.type !== 'deemComplete') {
      ctx.addIssue({ code: 'custom', path: [...at, 'titleClass'], message: 'titleClass 只适用于 deemComplete（视同完成）规则' });
    }
    // what each rule type checks of itself lives with the rule (engine/rules/)
    for (const issue of checkRule(kind.rule)) ctx.addIssue({ code: 'custom', path: [...at, 'rule', ...issue.path], message: issue.message });
  }
}

function referencedParams(kind: KindSpec): [(string | number)[], string][] {
  const refs: [(string | number)[], string][] = [];
  const add = (path: (string | number)[], name: string | undefined) => {
    if (name !== undefined) refs.push([path, name]);
  };
  for (const ref of ruleParams(kind.rule)) add(['rule', ...ref.path], ref.name);
  (kind.conditions ?? []).forEach((c, i) => {
    add(['conditions', i, 'param'], c.param);
    if (c.check === 'workingDaysBefore') add(['conditions', i, 'beforeParam'], c.beforeParam);
    add(['conditions', i, 'when', 'param'], c.when?.param);
  });
  add(['split', 'authorsParam'], kind.split?.authorsParam);
  add(['split', 'positionParam'], kind.split?.positionParam);
  (kind.countsOnce?.keyParams ?? []).forEach((p, i) => add(['countsOnce', 'keyParams', i], p));
  add(['titleClass', 'levelParam'], kind.titleClass?.levelParam);
  add(['currentLevelClass', 'param'], kind.currentLevelClass?.param);
  add(['titleClass', 'hoursParam'], kind.titleClass?.hoursParam);
  return refs;
}
