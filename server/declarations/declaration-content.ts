// A declaration's content checked exactly as every recorded activity is (the kind, its
// parameters, the year and date, the calendar it needs: ActivitiesService.checkActivity), with
// its evidence (the caller's own uploaded files; no certificate dated in the future) and the
// keys by which it must differ from the person's other live declarations (counts-once.ts).
import type { EvidenceService } from '../evidence/evidence.service';
import type { KindSpec, PolicyVersion } from '../engine';
import type { ActivitiesService } from '../hours/activities.service';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { onceKeys, type OnceKeys } from './counts-once';
import { declarationError } from './declarations.errors';
import type { DeclarationContent } from './declarations.repository';
import type { Declaration, EvidenceInput } from './declarations.types';

export interface CheckedContent extends DeclarationContent {
  resultTitle: string | null;
  keys: OnceKeys;
  /** The kind as the policy version of the year defines it. */
  spec: KindSpec;
}

export interface ContentToCheck {
  kind: string;
  year: number;
  date?: string | null;
  params: Record<string, unknown>;
}

export class DeclarationContents {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly evidence: EvidenceService,
    private readonly clock: Clock,
  ) {}

  /** `evidence` replaces the evidence; null keeps `kept`'s (an update that leaves it alone). */
  async check(ctx: Context, a: ContentToCheck, evidence: EvidenceInput | null, kept: Declaration | null = null): Promise<CheckedContent> {
    const version: PolicyVersion = await this.activities.checkActivity(ctx, a);
    let files = kept?.evidence.fileIds ?? [];
    if (evidence) {
      if (evidence.issuedOn && evidence.issuedOn > this.clock.today()) throw declarationError('DECLARATION_ISSUED_IN_FUTURE', 'evidence.issuedOn');
      files = evidence.fileIds?.length ? (await this.evidence.findOwnFiles(ctx, evidence.fileIds, 'evidence.fileIds')).map((f) => f.id) : [];
    }
    const e = evidence ?? kept?.evidence ?? null;
    const spec = version.kinds[a.kind]!;
    const content = {
      kind: a.kind,
      kindName: spec.name,
      year: a.year,
      date: a.date ?? null,
      params: a.params,
      certificateNo: e?.certificateNo?.trim() || null,
      issuer: e?.issuer?.trim() || null,
      issuedOn: e?.issuedOn ?? null,
      fileIds: files,
      resultTitle: e?.resultTitle?.trim() || null,
    };
    return { ...content, spec, keys: onceKeys(content, spec) };
  }

  /** A stored declaration's content as the current policy sees it (at submission: the policy may have changed). */
  async recheck(ctx: Context, d: Declaration): Promise<CheckedContent> {
    return this.check(ctx, { kind: d.kind, year: d.year, date: d.date, params: d.params }, null, d);
  }
}
