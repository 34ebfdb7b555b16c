// The `review:` section of a policy file: who reviews a declaration (issue 11). The levels
// are organisation node kinds from the unit up; a level a branch of the tree lacks is
// skipped (a unit directly under the bureau goes unit → bureau). Sector routes name the node
// (by its organisation code) that takes the department step for some title series or kinds.
import { z } from 'zod';
import type { PolicyDocument, ReviewLevel } from '../engine/policy.types';
import { EMPLOYER_TYPES, TITLE_SERIES } from '../engine/titles';
import { citation } from './policy-sources';

export const REVIEW_LEVELS = ['UNIT', 'DEPARTMENT', 'BUREAU'] as const satisfies readonly ReviewLevel[];

const level = z.enum(REVIEW_LEVELS, { error: `应为审核层级之一：${REVIEW_LEVELS.join(', ')}` });
const titleSeries = z.enum(TITLE_SERIES, { error: `应为职称系列之一：${TITLE_SERIES.join(', ')}` });
const employerType = z.enum(EMPLOYER_TYPES, { error: `应为单位性质之一：${EMPLOYER_TYPES.join(', ')}` });
const kindCode = z.string({ error: '应为学习形式代码' }).regex(/^[a-z][a-zA-Z0-9]*$/, { error: '学习形式代码应为 camelCase' });
/** As organisation codes are written (CreateOrganisationInput.code). */
const orgCode = z.string({ error: '应为机构代码' }).regex(/^[A-Za-z0-9-]{1,40}$/, { error: '机构代码只能包含字母、数字和连字符（最多 40 位）' });

const route = z.strictObject({
  when: z
    .strictObject({
      series: z.array(titleSeries).min(1).optional(),
      kinds: z.array(kindCode).min(1).optional(),
      employerTypes: z.array(employerType).min(1).optional(),
    })
    .refine((w) => w.series !== undefined || w.kinds !== undefined || w.employerTypes !== undefined, { error: 'when 至少要有 series、kinds 或 employerTypes 之一' }),
  department: z.strictObject({ code: orgCode }),
  source: citation,
});

export const reviewSchema = z
  .strictObject({
    levels: z
      .array(level)
      .min(1, { error: '至少要有一个审核层级' })
      .refine((ls) => ls.every((l, i) => i === 0 || REVIEW_LEVELS.indexOf(l) > REVIEW_LEVELS.indexOf(ls[i - 1]!)), {
        error: '审核层级应按 UNIT、DEPARTMENT、BUREAU 自下而上排列且不重复',
      }),
    source: citation,
    routes: z.array(route).min(1).optional(),
  })
  .refine((r) => r.routes === undefined || r.levels.includes('DEPARTMENT'), {
    error: '行业审核路线替代主管部门一级：levels 须包含 DEPARTMENT',
    path: ['routes'],
  });

/** Every kind a route names is a kind of some version of the policy. */
export function checkReviewKinds(doc: PolicyDocument, ctx: z.RefinementCtx): void {
  const known = new Set(doc.versions.flatMap((v) => Object.keys(v.kinds)));
  doc.review?.routes?.forEach((r, i) =>
    r.when.kinds?.forEach((k, j) => {
      if (!known.has(k)) ctx.addIssue({ code: 'custom', path: ['review', 'routes', i, 'when', 'kinds', j], message: `政策中没有学习形式“${k}”` });
    }),
  );
}
