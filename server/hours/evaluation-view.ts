// Engine results → GraphQL views. The engine's explanation is carried over
// whole; only shapes change.
import type { PolicyDocument, TitleEligibility, YearEvaluation } from '../engine';
import { versionForYear } from '../engine';
import type { TitleLevel } from '../platform/titles';
import { maskIdNumber } from '../platform/id-number';
import { HoursEvaluation, TitleEligibilityView } from './hours.types';

export function toEvaluationView(ev: YearEvaluation, doc: PolicyDocument, revision: number | null, certified = false): HoursEvaluation {
  const version = versionForYear(doc, ev.year);
  return {
    year: ev.year,
    regime: ev.regime,
    complete: ev.complete,
    public: { ...ev.subjects.PUBLIC, deemed: ev.subjects.PUBLIC.deemed ?? false },
    professional: { ...ev.subjects.PROFESSIONAL, deemed: ev.subjects.PROFESSIONAL.deemed ?? false },
    deemedComplete: ev.deemedComplete?.reason ?? null,
    exemptions: ev.exemptions.map((e) => ({ scope: e.scope, reason: e.reason, source: e.source, activityId: e.activityId ?? null })),
    creditsEarned: ev.credits?.earned ?? null,
    creditWindows: ev.credits?.windows.map((w) => ({ ...w })) ?? [],
    activities: ev.activities.map((a) => ({
      activityId: a.activityId,
      kind: a.kind,
      kindName: version?.kinds[a.kind]?.name ?? a.kind,
      publicHours: a.hoursEarned.PUBLIC,
      professionalHours: a.hoursEarned.PROFESSIONAL,
      rule: a.ruleApplied.text,
      source: a.ruleApplied.source,
      cappedBy: a.cappedBy.map((c) => ({ cap: c.cap, cut: c.cut })),
      notes: [...a.notes],
    })),
    reasons: ev.reasons,
    policyRevision: revision,
    certified,
  };
}

export function toEligibilityView(
  result: TitleEligibility,
  doc: PolicyDocument,
  revision: number,
  person: { idNumber: string; name: string },
  targetLevel: TitleLevel,
  applicationYear: number,
  withEvaluations: boolean,
): TitleEligibilityView {
  return {
    idNumber: maskIdNumber(person.idNumber),
    name: person.name,
    targetLevel,
    applicationYear,
    eligible: result.eligible,
    yearsChecked: result.yearsChecked,
    years: result.years.map((y) => ({
      year: y.year,
      status: y.status,
      reason: y.reason,
      certified: false,
      evaluation: withEvaluations && y.evaluation ? toEvaluationView(y.evaluation, doc, revision) : null,
    })),
    average: result.average ?? null,
    reasons: result.reasons,
  };
}
