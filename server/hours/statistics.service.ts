// Completion statistics (学时完成情况统计) for the officials' dashboard: how many people of
// each organisation under the caller have completed the year, the hours each activity kind
// brought, and how far the rest are short. A year's verdict is the engine's (or the certified
// result), so every person is judged: as "who is short" does, people are read set-based a page
// at a time and judged in memory, and one request judges at most `maxPeople` of them; beyond
// that the answer says it is partial rather than doing unbounded work.
import type { CalendarService } from '../calendar/calendar.service';
import { evaluateYear } from '../engine';
import { requireOfficial } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { onReadReplica } from '../platform/read-replica';
import { mapInSlices } from '../platform/slices';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { PoliciesService } from '../policy/policy.service';
import { toEvaluationView } from './evaluation-view';
import { profileOf } from './hours-subjects';
import type { HoursRepository } from './hours.repository';
import type { HoursEvaluation } from './hours.types';
import type { StatisticsGroup, StatisticsRepository } from './statistics.repository';
import type { CompletionStatistics, CompletionStatisticsArgs, KindHours, OrganisationCompletion, ShortfallBucket } from './statistics.types';

/** People read and judged together. */
const CHUNK = 500;
/** Judgments between two yields to the event loop. */
const YIELD_EVERY = 100;
/** Upper bounds (inclusive) of the shortfall buckets after "0 (complete)". */
const BUCKET_TOPS = [10, 30, 60, 90] as const;

type Verdict = Pick<HoursEvaluation, 'status' | 'public' | 'professional' | 'activities'>;

/** One unit's figures (asked with `byUnit`: the Excel export lists every unit of the scope). */
export interface UnitCompletion {
  unitId: string;
  name: string;
  parentName: string | null;
  headcount: number;
  complete: number;
  noRequirement: number;
  rate: number;
}

type Counts = Pick<UnitCompletion, 'headcount' | 'complete' | 'noRequirement'>;

export class StatisticsService {
  constructor(
    private readonly hours: HoursRepository,
    private readonly repo: StatisticsRepository,
    private readonly policies: PoliciesService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly maxPeople: number,
  ) {}

  async completionStatistics(ctx: Context, args: CompletionStatisticsArgs, options: { byUnit?: boolean } = {}): Promise<CompletionStatistics & { byUnit?: UnitCompletion[] }> {
    const actor = requireOfficial(ctx);
    this.policies.checkYear(args.year, 'year');
    // a heavy read: on the read replica when one is fit for it
    return onReadReplica(ctx, (reading) => this.judgeAll(reading, actor.orgNodeId, args, options));
  }

  private async judgeAll(ctx: Context, ownNode: string, args: CompletionStatisticsArgs, options: { byUnit?: boolean }): Promise<CompletionStatistics & { byUnit?: UnitCompletion[] }> {
    // out of scope, another tenant's or malformed: ORGANISATION_NOT_FOUND, as everywhere
    const root = args.under ? await this.organisations.findOneOrThrow(ctx, args.under, 'under') : await this.organisations.findOneOrThrow(ctx, ownNode);
    const policy = await this.policies.current(ctx);
    this.policies.versionOrThrow(policy.document, args.year);
    const em = await ctx.db();
    const groups = root.kind === 'UNIT' ? [{ id: root.id, name: root.name, kind: root.kind, path: root.path }] : await this.repo.children(em, root.id);
    const tally = new Tally(groups, root.path, options.byUnit ?? false);
    const total = await this.repo.countPeople(em, root.path);
    const calendar = await this.calendar.current(ctx);
    const today = this.clock.today();
    let after: [string, string] | null = null;
    let scanned = 0;
    while (scanned < this.maxPeople) {
      const limit = Math.min(CHUNK, this.maxPeople - scanned);
      const page = await this.repo.peoplePage(em, root.path, after, limit);
      if (!page.length) break;
      const ids = page.map((p) => p.id);
      // one connection: its statements run one after another
      const people = await this.hours.findPeopleById(em, ids);
      const activities = await this.hours.activitiesOf(em, ids, args.year);
      const certifications = await this.hours.certificationsOf(em, ids, args.year);
      await mapInSlices(people, YIELD_EVERY, (person) => {
        const certified = certifications.get(person.id)?.find((c) => c.year === args.year)?.result;
        const ev: Verdict =
          certified ??
          toEvaluationView(
            evaluateYear({ policy: policy.document, profile: profileOf(person), activities: activities.get(person.id) ?? [], year: args.year, today, calendar }),
            policy.document,
            policy.revision,
          );
        tally.add(person.unitPath, ev);
      });
      scanned += page.length;
      const last = page[page.length - 1]!;
      after = [last.unitPath, last.id];
      if (page.length < limit) break;
    }
    const byUnit = options.byUnit ? (await this.repo.unitsUnder(em, root.path)).map((u) => withRate({ unitId: u.id, name: u.name, parentName: u.parentName, ...tally.unit(u.path) })) : undefined;
    return { year: args.year, organisationId: root.id, ...tally.result(), scanned, total, complete: scanned >= total, ...(byUnit ? { byUnit } : {}) };
  }
}

/** Completion rate as the page counts it: complete ÷ (headcount − no requirement), 0 when nobody must complete. */
function withRate<T extends Counts>(row: T): T & { rate: number } {
  const judged = row.headcount - row.noRequirement;
  return { ...row, rate: judged > 0 ? row.complete / judged : 0 };
}

/** The running sums of one request's statistics. */
class Tally {
  private readonly byPath = new Map<string, OrganisationCompletion>();
  private readonly rows: OrganisationCompletion[];
  private readonly kinds = new Map<string, KindHours>();
  private readonly buckets: ShortfallBucket[];
  /** per unit path, when asked for */
  private readonly units: Map<string, Counts> | null;

  constructor(
    groups: readonly StatisticsGroup[],
    private readonly rootPath: string,
    byUnit: boolean,
  ) {
    this.units = byUnit ? new Map() : null;
    this.rows = groups.map((g) => ({ organisationId: g.id, name: g.name, kind: g.kind, headcount: 0, complete: 0, noRequirement: 0, rate: 0 }));
    groups.forEach((g, i) => this.byPath.set(g.path, this.rows[i]!));
    let from = 1;
    this.buckets = [{ label: '0 学时（已完成）', from: 0, to: 0, count: 0 }];
    for (const to of BUCKET_TOPS) {
      this.buckets.push({ label: `${from}–${to} 学时`, from, to, count: 0 });
      from = to + 1;
    }
  }

  add(unitPath: string, ev: Verdict): void {
    let unit = this.units?.get(unitPath);
    if (this.units && !unit) this.units.set(unitPath, (unit = { headcount: 0, complete: 0, noRequirement: 0 }));
    for (const row of [this.rowOf(unitPath), unit]) {
      if (!row) continue;
      row.headcount++;
      if (ev.status === 'COMPLETE') row.complete++;
      if (ev.status === 'NO_REQUIREMENT') row.noRequirement++;
    }
    if (ev.status !== 'NO_REQUIREMENT') this.bucketOf(ev.status === 'COMPLETE', ev.public.shortfall + ev.professional.shortfall).count++;
    const seen = new Set<string>();
    for (const a of ev.activities) {
      let k = this.kinds.get(a.kind);
      if (!k) this.kinds.set(a.kind, (k = { kind: a.kind, label: a.kindName, hours: 0, people: 0 }));
      k.hours += a.publicHours + a.professionalHours;
      if (!seen.has(a.kind)) k.people++;
      seen.add(a.kind);
    }
  }

  /** A unit's counts (nobody judged: zeros). */
  unit(unitPath: string): Counts {
    return this.units?.get(unitPath) ?? { headcount: 0, complete: 0, noRequirement: 0 };
  }

  result(): Pick<CompletionStatistics, 'byOrganisation' | 'hoursByKind' | 'shortfallDistribution'> {
    for (const r of this.rows) r.rate = withRate(r).rate;
    const hoursByKind = [...this.kinds.values()]
      .map((k) => ({ ...k, hours: Math.round(k.hours * 100) / 100 }))
      .sort((a, b) => b.hours - a.hours || a.kind.localeCompare(b.kind));
    return { byOrganisation: this.rows, hoursByKind, shortfallDistribution: this.buckets };
  }

  /** The group a person's unit lies in: the root's child whose path begins theirs (a unit root is its own group). */
  private rowOf(unitPath: string): OrganisationCompletion | undefined {
    const own = this.byPath.get(this.rootPath);
    if (own) return own;
    const next = unitPath.indexOf('/', this.rootPath.length);
    return next < 0 ? undefined : this.byPath.get(unitPath.slice(0, next + 1));
  }

  /**
   * Missing hours → bucket: a fraction goes to the lowest bucket whose top is not below it, the
   * last takes everything above, and an incomplete year is never counted as "0 (complete)".
   */
  private bucketOf(complete: boolean, missing: number): ShortfallBucket {
    if (complete) return this.buckets[0]!;
    return this.buckets.find((b, i) => i > 0 && missing <= b.to) ?? this.buckets[this.buckets.length - 1]!;
  }
}
