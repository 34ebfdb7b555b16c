// Engine results → GraphQL views. The engine's explanation is carried over
// whole; only shapes change.
import type { PolicyDocument, TitleEligibility, YearEvaluation } from '../engine';
import { versionForYear } from '../engine';
import type { TitleLevel, TitleRoute } from '../engine/titles';
import { maskIdNumber } from '../platform/id-number';
import type { Certification } from './hours.repository';
import type { HoursEvaluation, TitleEligibilityView } from './hours.types';

export function toEvaluationView(ev: YearEvaluation, doc: PolicyDocument, revision: number | null, certified = false): HoursEvaluation {
  const version = versionForYear(doc, ev.year);
  return {
    year: ev.year,
    regime: ev.regime,
    complete: ev.complete,
    status: ev.noRequirement !== undefined ? 'NO_REQUIREMENT' : ev.complete ? 'COMPLETE' : 'INCOMPLETE',
    noRequirement: ev.noRequirement ? `${ev.noRequirement.reason}（${ev.noRequirement.source}）` : null,
    public: { ...ev.subjects.PUBLIC, deemed: ev.subjects.PUBLIC.deemed ?? false },
    professional: { ...ev.subjects.PROFESSIONAL, deemed: ev.subjects.PROFESSIONAL.deemed ?? false },
    deemedComplete: ev.deemedComplete?.reason ?? null,
    exemptions: ev.exemptions.map((e) => ({ scope: e.scope, reason: e.reason, source: e.source, activityId: e.activityId ?? null })),
    creditsEarned: ev.credits?.earned ?? null,
    creditWindows: ev.credits?.windows.map((w) => ({ ...w })) ?? [],
    activities: ev.activities.map((a) => ({
      activityId: a.activityId,
      kind: a.kind,
      // own kinds only: a kind code such as "constructor" names no kind of the version
      kindName: version && Object.hasOwn(version.kinds, a.kind) ? version.kinds[a.kind]!.name : a.kind,
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
  application: EligibilityQuestion,
  withEvaluations: boolean,
): TitleEligibilityView {
  return {
    idNumber: maskIdNumber(person.idNumber),
    name: person.name,
    targetLevel: application.targetLevel,
    applicationYear: application.applicationYear,
    route: application.route,
    filedOn: application.filedOn,
    applicationId: application.applicationId,
    eligible: result.eligible,
    yearsChecked: result.yearsChecked,
    yearsNotChecked: result.yearsNotChecked,
    excludedActivities: result.excludedActivities.map((a) => ({ activityId: a.activityId, kind: a.kind, date: a.date ?? null, recordedOn: a.recordedOn ?? null, reason: a.reason })),
    years: result.years.map((y) => ({
      year: y.year,
      status: y.status,
      reason: y.reason,
      certified: false,
      movedFrom: y.movedFrom?.join('、') ?? null,
      evaluation: withEvaluations && y.evaluation ? toEvaluationView(y.evaluation, doc, revision) : null,
    })),
    average: result.average ?? null,
    integrityRecord: result.integrityBlock ? { from: result.integrityBlock.from, until: result.integrityBlock.to, reason: result.integrityBlock.reason ?? null } : null,
    reasons: result.reasons,
  };
}

const PASSING = new Set(['COMPLETE', 'AVERAGED', 'CREDITS_PASSED', 'NO_REQUIREMENT']);

/** What an eligibility question is about: an application, stored or given inline. */
export interface EligibilityQuestion {
  targetLevel: TitleLevel;
  applicationYear: number;
  route: TitleRoute;
  filedOn: string | null;
  applicationId: string | null;
}

/** A certified year keeps its certified verdict, whatever the current revision says. */
export function applyCertifications(view: TitleEligibilityView, certs: readonly Certification[], withEvaluations: boolean): TitleEligibilityView {
  if (!certs.length) return view;
  const wasAllPassing = view.years.every((y) => PASSING.has(y.status));
  const blockedOtherwise = !view.eligible && wasAllPassing; // e.g. the integrity record
  let changed = false;
  for (const y of view.years) {
    const cert = certs.find((c) => c.year === y.year);
    if (!cert || (y.status !== 'COMPLETE' && y.status !== 'INCOMPLETE')) continue;
    // a year a moved year completes stays complete: the certification here did not know of it
    if (y.movedFrom !== null && y.status === 'COMPLETE') continue;
    const status = cert.complete ? 'COMPLETE' : 'INCOMPLETE';
    changed ||= status !== y.status;
    y.status = status;
    y.certified = true;
    y.reason = `${y.year}年度已认定：${cert.complete ? '达标' : '未达标'}（第${cert.result.policyRevision}版政策）`;
    if (withEvaluations) y.evaluation = cert.result;
  }
  if (changed) view.eligible = !blockedOtherwise && view.years.every((y) => PASSING.has(y.status));
  return view;
}
