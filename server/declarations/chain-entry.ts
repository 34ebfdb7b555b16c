// Where a declaration enters its review chain: the chain from the policy's `review` section and
// the organisation tree as it is now, and the step a submission starts at (a professional's at
// the first level; an official's at their own level, whose decision is theirs).
import type { ReviewLevel } from '../engine';
import { requireAccount } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Context } from '../platform/context';
import type { PoliciesService } from '../policy/policy.service';
import type { Professional } from '../professionals/professionals.types';
import { levelOf } from './declaration-access';
import { declarationError } from './declarations.errors';
import type { DeclarationsRepository, SubmissionState } from './declarations.repository';
import { ancestorPaths, type Chain, entryForOfficial, planChain, STEP_OF, stepsOf, type TreeNode } from './review-chain';

/** Where a submission enters the chain, and the filing official's own decision if any. */
export interface Entry {
  state: SubmissionState;
  own: { actor: AccountActor; level: ReviewLevel } | null;
}

function toState(person: Pick<Professional, 'unitId' | 'titleSeries'>, chain: Chain): Omit<SubmissionState, 'step' | 'entryStep'> {
  return { unitId: person.unitId, titleSeries: person.titleSeries, review: { UNIT: chain.UNIT, DEPARTMENT: chain.DEPARTMENT, BUREAU: chain.BUREAU }, chainNote: chain.note };
}

export class ChainEntries {
  constructor(
    private readonly repo: DeclarationsRepository,
    private readonly policies: PoliciesService,
  ) {}

  /**
   * Where a submission by the caller enters the chain: a professional's at its first level; an
   * official's at their own level, whose decision is theirs (FILED), waiting at the first level
   * above them, or recorded at once when there is none (see entryForOfficial).
   */
  async entry(ctx: Context, person: Professional, kind: string): Promise<Entry> {
    const actor = requireAccount(ctx);
    const level = levelOf(actor);
    if (level === null) {
      const chain = await this.chainFor(ctx, person, kind);
      const first = stepsOf(chain)[0]!.step;
      return { state: { ...toState(person, chain), step: first, entryStep: first }, own: null };
    }
    // a bureau official files above the department step: a sector route cannot hold it up
    const chain = await this.chainFor(ctx, person, kind, STEP_OF[level] > STEP_OF.DEPARTMENT);
    const { ownStep, waitStep } = entryForOfficial(chain, level, actor.orgNodeId);
    return { state: { ...toState(person, chain), step: waitStep, entryStep: waitStep }, own: ownStep === null ? null : { actor, level } };
  }

  /**
   * The review chain of a declaration of `kind` by this person, from the policy's `review`
   * section and the organisation tree as it is now.
   */
  async chainFor(ctx: Context, person: Pick<Professional, 'unitPath' | 'titleSeries'>, kind: string, aboveDepartment = false): Promise<Chain> {
    const document = (await this.policies.current(ctx)).document;
    const review = document.review;
    // routes name the department step's reviewer; filed above it, a route's missing node is no matter
    const policy = aboveDepartment && review?.routes ? { ...document, review: { ...review, routes: undefined } } : document;
    const codes = (policy.review?.routes ?? []).map((r) => r.department.code);
    const nodes = await this.repo.treeNodes(await ctx.db(), ancestorPaths(person.unitPath), codes);
    const byPath = new Map(nodes.map((n) => [n.path, n]));
    const ancestors = ancestorPaths(person.unitPath)
      .map((p) => byPath.get(p))
      .filter((n): n is TreeNode => n !== undefined);
    const byCode = new Map(nodes.filter((n) => n.code !== null).map((n) => [n.code!, n]));
    const planned = planChain(policy, ancestors, byCode, person.titleSeries, kind);
    if ('missingCode' in planned) {
      throw declarationError('REVIEW_ROUTE_NODE_MISSING', 'kind', `机构代码“${planned.missingCode}”（${planned.route.source}）`);
    }
    if ('empty' in planned) throw declarationError('REVIEW_CHAIN_EMPTY', 'kind');
    return planned;
  }
}
