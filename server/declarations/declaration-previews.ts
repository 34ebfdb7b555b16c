// A declaration's preview (试算): the hours the policy would give it, with the engine's
// explanation, and the person's year with it counted — one at a time, or a queue page's
// together in a few set-based reads (the same answer either way).
import type { CompletionService } from '../hours/completion.service';
import type { HoursEvaluation } from '../hours/hours.types';
import type { Context } from '../platform/context';
import { canSeeDeclaration } from './declaration-access';
import { toEngineActivity } from './declaration-views';
import { declarationError } from './declarations.errors';
import type { Declaration, DeclarationPreview } from './declarations.types';

export class DeclarationPreviews {
  constructor(private readonly completion: CompletionService) {}

  /**
   * What the policy would give: this declaration's line (hours, rule, source, caps, notes) and
   * the person's year with it counted, by the same evaluation as `previewHours` and
   * `completionStatus` (recorded activities plus this one; a recorded one is already among them).
   */
  async preview(ctx: Context, d: Declaration): Promise<DeclarationPreview> {
    if (!canSeeDeclaration(ctx.actor, d)) throw declarationError('DECLARATION_NOT_FOUND', 'id');
    const extra = d.status === 'RECORDED' ? [] : [toEngineActivity(d)];
    const year = await this.completion.evaluateById(ctx, d.professionalId, d.year, extra);
    return previewOf(d, year);
  }

  /**
   * The previews of a page of declarations in a few set-based reads whatever its size (a
   * queue page asks for each row's), each the same answer as `preview`; an Error where it throws.
   */
  async previewMany(ctx: Context, ds: readonly Declaration[]): Promise<(DeclarationPreview | Error)[]> {
    const visible = ds.filter((d) => canSeeDeclaration(ctx.actor, d));
    const years = await this.completion.evaluateManyById(
      ctx,
      visible.map((d) => ({ professionalId: d.professionalId, year: d.year, extra: d.status === 'RECORDED' ? [] : [toEngineActivity(d)] })),
    );
    const byDeclaration = new Map(visible.map((d, i) => [d, years[i]!]));
    return ds.map((d) => {
      const year = byDeclaration.get(d);
      if (!year) return declarationError('DECLARATION_NOT_FOUND', 'id');
      return year instanceof Error ? year : previewOf(d, year);
    });
  }
}

/** This declaration's line of its year's evaluation (none when the year has no line for it), and the year. */
function previewOf(d: Declaration, year: HoursEvaluation): DeclarationPreview {
  const line = year.activities.find((a) => a.activityId === d.id);
  const hours = line ?? { activityId: d.id, kind: d.kind, kindName: d.kindName, publicHours: 0, professionalHours: 0, rule: '', source: '', cappedBy: [], notes: [] };
  return { hours, year };
}
