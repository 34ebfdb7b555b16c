// Counts once, at the moment a declaration goes live (submitted, filed, or corrected after a
// rejection): a clash with another live declaration of the same person is refused with what it
// clashes with; a race that slips past the check is caught by the unique indexes and answered
// the same way. Also the evidence a kind requires before it can be submitted.
import type { KindSpec } from '../engine';
import type { Context } from '../platform/context';
import { uniqueViolation } from '../platform/pg-errors';
import { EVIDENCE_LABEL, missingEvidence, type OnceKeys } from './counts-once';
import { type Clash, findClash, setOnceKeys } from './counts-once.repository';
import { declarationError } from './declarations.errors';

const STATUS_LABEL: Record<string, string> = { SUBMITTED: '审核中', RECORDED: '已记录', REJECTED: '已退回，可修改后重新提交', REVOKED: '已撤销' };

const CONSTRAINT: Record<string, 'certificate' | 'result' | 'once'> = {
  declaration_certificate_once: 'certificate',
  declaration_result_once: 'result',
  declaration_counts_once: 'once',
};

export class CountsOnce {
  /** Refuses a declaration going live that shares a key with another live one of the person. */
  async check(ctx: Context, professionalId: string, exceptId: string | null, keys: OnceKeys, kind: KindSpec | undefined): Promise<void> {
    const clash = await findClash(await ctx.db(), professionalId, exceptId, keys);
    if (clash) throw clashError(clash, which(clash), kind);
  }

  /** Stores the keys (and the result title they come from) on the declaration. */
  async store(ctx: Context, id: string, resultTitle: string | null, keys: OnceKeys, kind: KindSpec | undefined): Promise<void> {
    await this.guard(async () => setOnceKeys(await ctx.db(), id, resultTitle, keys), kind);
  }

  /** Runs a write that may make a declaration live; a unique-index clash becomes the rule's error. */
  async guard<T>(write: () => Promise<T>, kind: KindSpec | undefined): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const hit = CONSTRAINT[uniqueViolation(error) ?? ''];
      if (!hit) throw error;
      throw clashError(null, hit, kind);
    }
  }

  /** The evidence the kind requires, checked when the declaration goes live (drafts may lack it). */
  requireEvidence(kind: KindSpec | undefined, e: { certificateNo: string | null; issuer: string | null; issuedOn: string | null; fileIds: readonly string[] }): void {
    const missing = missingEvidence(kind, e);
    if (missing) throw declarationError('DECLARATION_EVIDENCE_REQUIRED', `evidence.${missing === 'files' ? 'fileIds' : missing}`, `请填写${EVIDENCE_LABEL[missing]}`);
  }
}

function which(c: Clash): 'certificate' | 'result' | 'once' {
  return c.certificate ? 'certificate' : c.result ? 'result' : 'once';
}

function clashError(c: Clash | null, hit: 'certificate' | 'result' | 'once', kind: KindSpec | undefined) {
  const where = c ? `已在${c.year}年度“${c.kindName}”中申报（${STATUS_LABEL[c.status] ?? c.status}）` : '刚刚已有一份相同的申报';
  if (hit === 'certificate') return declarationError('DECLARATION_DUPLICATE_CERTIFICATE', 'evidence.certificateNo', where);
  if (hit === 'result') return declarationError('DECLARATION_DUPLICATE_RESULT', 'evidence.resultTitle', where);
  const param = kind?.countsOnce?.keyParams[0];
  return declarationError('DECLARATION_ONCE_ONLY', param ? `params.${param}` : 'params', where);
}
