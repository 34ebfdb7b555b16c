// What reviewers get beside a declaration besides its content: warnings to check before
// deciding (a result declared by more people than its authors), and read access to the
// evidence files of the declarations they may see (a sector reviewer is not above the
// uploader in the tree; an official's attachment has no professional to go by).
import { versionForYear } from '../engine';
import type { Context } from '../platform/context';
import type { PoliciesService } from '../policy/policy.service';
import { canSeeDeclaration } from './declaration-access';
import { declarationsNaming } from './declaration-files.repository';
import type { Declaration, DeclarationWarning } from './declarations.types';

/** Declarations naming one file looked at to decide who may read it (a file is its uploader's, named a few times at most). */
const FILE_READERS_CHECKED = 20;

export class ReviewerAids {
  constructor(private readonly policies: PoliciesService) {}

  /**
   * What reviewers should see before deciding: a result declared by more people than the
   * co-author count its declaration states (author count from the kind's `split` parameter).
   */
  async warnings(ctx: Context, d: Declaration): Promise<DeclarationWarning[]> {
    if (!canSeeDeclaration(ctx.actor, d) || !d.evidence.resultTitle) return [];
    const declarants = await ctx.loaders.declarationDeclarants.load(d.id);
    // one declarant is within any author count: the policy is read only for the rare shared result
    if (declarants < 2) return [];
    const version = versionForYear((await this.policies.current(ctx)).document, d.year);
    const authorsParam = version && Object.hasOwn(version.kinds, d.kind) ? version.kinds[d.kind]!.split?.authorsParam : undefined;
    const authors = authorsParam ? Number(d.params[authorsParam]) : NaN;
    if (!(authors >= 1) || declarants <= authors) return [];
    return [{ code: 'CO_AUTHOR_OVERFLOW', message: `同一成果已有${declarants}人申报，多于申报中填写的作者人数（${authors}人），请核实` }];
  }

  /** May the caller read an evidence file because they may see a declaration naming it (a reviewer on its chain)? */
  async canReadFile(ctx: Context, fileId: string): Promise<boolean> {
    const ids = await declarationsNaming(await ctx.db(), fileId, FILE_READERS_CHECKED);
    const found = await ctx.loaders.declaration.loadMany(ids);
    return found.some((d) => !!d && !(d instanceof Error) && canSeeDeclaration(ctx.actor, d));
  }
}
