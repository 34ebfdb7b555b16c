// A declaration as the engine sees an activity, and as the audit trail keeps it.
import type { ActivityInput } from '../engine';
import type { Declaration } from './declarations.types';

/** The declaration as the engine sees an activity (a reviewer's adjusted hours included). */
export function toEngineActivity(d: Declaration): ActivityInput {
  const a: ActivityInput = { id: d.id, kind: d.kind, year: d.year, params: d.params as ActivityInput['params'] };
  if (d.date) a.date = d.date;
  if (d.adjusted) a.adjustedHours = { ...d.adjusted };
  return a;
}

/** What the audit trail keeps of a declaration. */
export function snapshot(d: Declaration) {
  return {
    professionalId: d.professionalId,
    kind: d.kind,
    year: d.year,
    date: d.date,
    params: d.params,
    evidence: d.evidence,
    status: d.status,
    round: d.round,
    step: d.step,
    chain: d.review,
    adjusted: d.adjusted,
    rejectionReason: d.rejectionReason,
    version: d.version,
  };
}
