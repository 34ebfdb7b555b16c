// Who reviews a declaration: the tenant policy's `review` levels along the organisation tree
// from the professional's unit up, with the sector routes (Qingdao 001 五、). Pure: the
// caller gives the unit's ancestors and the nodes the routes name. The chain is computed
// when a declaration is submitted and stored with it, so that a later change of the tree
// (a unit moved to another department) does not reroute a declaration under review.
import { citationText, type PolicyDocument, type ReviewLevel, type ReviewPolicy, type ReviewRoute } from '../engine';
import type { EmployerType, TitleSeries } from '../engine/titles';
import { EMPLOYER_TYPE_LABELS, TITLE_SERIES_LABELS } from '../engine/titles';

/** Without a `review` section: unit → department → bureau, no routes (product decision). */
export const DEFAULT_REVIEW: ReviewPolicy = { levels: ['UNIT', 'DEPARTMENT', 'BUREAU'], source: '' };

/** The step number of each level (1 unit, 2 department, 3 bureau); 4 is "recorded". */
export const STEP_OF: Readonly<Record<ReviewLevel, number>> = { UNIT: 1, DEPARTMENT: 2, BUREAU: 3 };
export const RECORDED_STEP = 4;
export const LEVEL_OF_STEP: readonly (ReviewLevel | null)[] = [null, 'UNIT', 'DEPARTMENT', 'BUREAU', null];

export interface TreeNode {
  id: string;
  kind: 'BUREAU' | 'DEPARTMENT' | 'UNIT';
  code: string | null;
  name: string;
  path: string;
  /** Its own employer type or the one it inherits (null: none set). */
  employerType: EmployerType | null;
}

/** The reviewing node of each level (null: skipped), as stored with the declaration. */
export interface Chain {
  UNIT: string | null;
  DEPARTMENT: string | null;
  BUREAU: string | null;
  /** Why a sector body reviews (the route and its source), or null. */
  note: string | null;
}

export type ChainProblem = { missingCode: string; route: ReviewRoute } | { empty: true };

/** '/1/5/9/' → ['/1/', '/1/5/', '/1/5/9/']: the paths of a node and its ancestors. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** The first route that applies to a person of this series, in a unit of this employer type, declaring this kind. */
export function routeFor(review: ReviewPolicy, series: TitleSeries, kind: string, employerType: EmployerType | null = null): ReviewRoute | null {
  for (const r of review.routes ?? []) {
    if (r.when.series && !r.when.series.includes(series)) continue;
    if (r.when.kinds && !r.when.kinds.includes(kind)) continue;
    if (r.when.employerTypes && (employerType === null || !r.when.employerTypes.includes(employerType))) continue;
    return r;
  }
  return null;
}

/**
 * The chain for a declaration of `kind` by a person of `series` whose unit is the last of
 * `ancestors` (root first). The department step is the sector body a route names (by code,
 * looked up in `byCode`), else the nearest department above the unit; a level the branch
 * lacks is skipped.
 */
export function planChain(
  policy: Pick<PolicyDocument, 'review' | 'sources'>,
  ancestors: readonly TreeNode[],
  byCode: ReadonlyMap<string, TreeNode>,
  series: TitleSeries,
  kind: string,
): Chain | ChainProblem {
  const review = policy.review ?? DEFAULT_REVIEW;
  const chain: Chain = { UNIT: null, DEPARTMENT: null, BUREAU: null, note: null };
  const unit = ancestors[ancestors.length - 1];
  for (const level of review.levels) {
    if (level === 'UNIT') chain.UNIT = unit?.kind === 'UNIT' ? unit.id : null;
    if (level === 'BUREAU') chain.BUREAU = ancestors[0]?.kind === 'BUREAU' ? ancestors[0].id : null;
    if (level === 'DEPARTMENT') {
      const route = routeFor(review, series, kind, unit?.employerType ?? null);
      if (route) {
        const body = byCode.get(route.department.code);
        if (!body || body.kind !== 'DEPARTMENT') return { missingCode: route.department.code, route };
        chain.DEPARTMENT = body.id;
        const who = routeSubject(route);
        chain.note = `${who}的主管部门审核由${body.name}负责（${citationText(policy.sources, route.source)}）`;
      } else {
        const nearest = [...ancestors].reverse().find((n) => n.kind === 'DEPARTMENT');
        chain.DEPARTMENT = nearest?.id ?? null;
      }
    }
  }
  if (chain.UNIT === null && chain.DEPARTMENT === null && chain.BUREAU === null) return { empty: true };
  return chain;
}

/** Whom a route is for, as its note says: a title series, the declarants without an employer, or the kind. */
function routeSubject(route: ReviewRoute): string {
  if (route.when.series) return `${route.when.series.map((s) => TITLE_SERIES_LABELS[s]).join('、')}系列`;
  if (route.when.employerTypes) return `${route.when.employerTypes.map((t) => EMPLOYER_TYPE_LABELS[t]).join('、')}人员`;
  return '该学习形式';
}

/** The chain's steps in order, skipping levels without a node. */
export function stepsOf(chain: Pick<Chain, ReviewLevel>): { level: ReviewLevel; step: number; nodeId: string }[] {
  const out: { level: ReviewLevel; step: number; nodeId: string }[] = [];
  for (const level of ['UNIT', 'DEPARTMENT', 'BUREAU'] as const) {
    const nodeId = chain[level];
    if (nodeId !== null) out.push({ level, step: STEP_OF[level], nodeId });
  }
  return out;
}

/** The step after `step` in the chain, or RECORDED_STEP when it was the last. */
export function nextStep(chain: Pick<Chain, ReviewLevel>, step: number): number {
  return stepsOf(chain).find((s) => s.step > step)?.step ?? RECORDED_STEP;
}

/**
 * Where a declaration filed by an official enters the chain: their level's decision is
 * theirs (when their node is that level's reviewer), the levels below them are passed, and
 * it waits at the first level above them — or is recorded at once when none is left (a
 * bureau official's record). `ownStep` is the step the official decides, or null when their
 * node is not on the chain (a district bureau filing for a health worker whose department
 * step is the health commission: the commission still reviews).
 */
export function entryForOfficial(chain: Pick<Chain, ReviewLevel>, level: ReviewLevel, nodeId: string): { ownStep: number | null; waitStep: number } {
  const mine = STEP_OF[level];
  const steps = stepsOf(chain);
  const own = steps.find((s) => s.step === mine && s.nodeId === nodeId) ?? null;
  const wait = steps.find((s) => (own ? s.step > mine : s.step >= mine));
  return { ownStep: own?.step ?? null, waitStep: wait?.step ?? RECORDED_STEP };
}
