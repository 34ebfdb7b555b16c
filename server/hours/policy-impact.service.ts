// Policy impact preview (政策调整影响预估): before the bureau publishes a change (a lower cap, a
// higher requirement...), whose verdict for a year would change, and how. The draft is built
// and checked by the very code `publishPolicyVersion` runs, so bad input fails the same way;
// nothing is published. Each active professional's year is judged by the engine twice (current
// policy, draft) on the same activities, read set-based a batch at a time. The work is bounded:
// at most `maxPeople` are judged, and an answer over fewer than everyone says so.
import type { CalendarService } from '../calendar/calendar.service';
import { evaluateYear, type PolicyDocument, type YearEvaluation } from '../engine';
import { requireOfficial } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { maskIdNumber } from '../platform/id-number';
import { onReadReplica } from '../platform/read-replica';
import { mapInSlices } from '../platform/slices';
import type { PoliciesService } from '../policy/policy.service';
import type { PublishPolicyVersionInput } from '../policy/policy.types';
import { profileOf } from './hours-subjects';
import type { HoursRepository } from './hours.repository';
import type { ImpactPerson, PolicyImpactRepository } from './policy-impact.repository';
import type { PolicyImpact, PolicyImpactChange, PolicyImpactVerdict } from './policy-impact.types';

/** People read and judged together: one statement each for them, their activities, their certified years. */
const BATCH = 500;
/** Judgments between two yields to the event loop. */
const YIELD_EVERY = 100;
/** Hours are compared to this precision (the engine's sums of decimal hours). */
const EPSILON = 1e-6;

export class PolicyImpactService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly people: PolicyImpactRepository,
    private readonly policies: PoliciesService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly maxPeople: number,
  ) {}

  async impact(ctx: Context, input: PublishPolicyVersionInput, year: number, first: number): Promise<PolicyImpact> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    this.policies.checkYear(year, 'year');
    // a heavy read: on the read replica when one is fit for it
    return onReadReplica(ctx, (reading) => this.judgeAll(reading, input, year, first));
  }

  private async judgeAll(ctx: Context, input: PublishPolicyVersionInput, year: number, first: number): Promise<PolicyImpact> {
    const { current, document } = await this.policies.preview(ctx, input);
    this.policies.versionOrThrow(current.document, year);
    this.policies.versionOrThrow(document, year);
    const em = await ctx.db();
    const answer: PolicyImpact = { scanned: 0, total: 0, complete: false, changedCount: 0, becameComplete: 0, becameIncomplete: 0, hoursChanged: 0, changes: [] };
    let after: string | null = null;
    let exhausted = false;
    while (!exhausted && answer.scanned < this.maxPeople) {
      const limit = Math.min(BATCH, this.maxPeople - answer.scanned);
      const page = await this.people.activePeoplePage(em, after, limit);
      for (const change of await this.judge(ctx, page, year, current.document, document)) {
        if (!change) continue;
        answer.changedCount++;
        if (!change.before.complete && change.after.complete) answer.becameComplete++;
        if (change.before.complete && !change.after.complete) answer.becameIncomplete++;
        if (!sameHours(change.before, change.after)) answer.hoursChanged++;
        if (answer.changes.length < first) answer.changes.push(change);
      }
      answer.scanned += page.length;
      after = page.at(-1)?.id ?? after;
      exhausted = page.length < limit;
    }
    answer.total = exhausted ? answer.scanned : await this.people.countActive(em);
    answer.complete = answer.scanned >= answer.total;
    return answer;
  }

  /** Each person's change (null: none); a certified year keeps its certified result under any revision. */
  private async judge(ctx: Context, page: readonly ImpactPerson[], year: number, before: PolicyDocument, after: PolicyDocument): Promise<(PolicyImpactChange | null)[]> {
    if (!page.length) return [];
    const em = await ctx.db();
    const ids = page.map((p) => p.id);
    // one connection: its statements run one after another
    const activities = await this.repo.activitiesOf(em, ids, year);
    const certifications = await this.repo.certificationsOf(em, ids, year);
    const calendar = await this.calendar.current(ctx);
    const today = this.clock.today();
    return mapInSlices(page, YIELD_EVERY, (person) => {
      if (certifications.get(person.id)?.some((c) => c.year === year)) return null;
      const input = { profile: profileOf(person), activities: activities.get(person.id) ?? [], year, today, calendar };
      const was = toVerdict(evaluateYear({ ...input, policy: before }));
      const will = toVerdict(evaluateYear({ ...input, policy: after }));
      if (was.status === will.status && sameHours(was, will)) return null;
      return { professionalId: person.id, name: person.name, idNumber: maskIdNumber(person.idNumber), unitName: person.unitName, before: was, after: will };
    });
  }
}

function toVerdict(ev: YearEvaluation): PolicyImpactVerdict {
  const publicHours = ev.subjects.PUBLIC.credited;
  const professionalHours = ev.subjects.PROFESSIONAL.credited;
  const status = ev.noRequirement !== undefined ? 'NO_REQUIREMENT' : ev.complete ? 'COMPLETE' : 'INCOMPLETE';
  return { status, complete: ev.complete, publicHours, professionalHours, totalHours: publicHours + professionalHours };
}

function sameHours(a: PolicyImpactVerdict, b: PolicyImpactVerdict): boolean {
  return Math.abs(a.publicHours - b.publicHours) < EPSILON && Math.abs(a.professionalHours - b.professionalHours) < EPSILON;
}
