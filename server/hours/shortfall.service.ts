// Who is short (缺学时人员): the professionals in an official's scope whose year is not
// complete, with the shortfall per subject and the deadline they must meet — title applicants
// first, nearest deadline first (the Corps' June 30 before everyone's Dec 31), then the rest by
// unit. "Short" is the engine's verdict, so every page is judged, not read off a column: a
// request judges at most SCAN_BUDGET people (set-based reads, then the engine in memory) and
// returns what it found with a cursor at the point it reached, so no request does unbounded
// work however large the scope and however few are short.
import type { CalendarService } from '../calendar/calendar.service';
import { deadlineMonthDay, evaluateYear, type PolicyDocument } from '../engine';
import { requireOfficial } from '../platform/access';
import { scopeOf } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { maskIdNumber } from '../platform/id-number';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { mapInSlices } from '../platform/slices';
import { isUuid } from '../platform/uuid';
import type { PolicyRevision } from '../policy/policy.repository';
import type { PoliciesService } from '../policy/policy.service';
import { toEvaluationView } from './evaluation-view';
import { profileOf } from './hours-subjects';
import type { HoursRepository } from './hours.repository';
import type { HoursEvaluation } from './hours.types';
import { applicantsPage, type Candidate, type CandidateQuery, countCandidates, othersPage } from './shortfall.repository';
import type { Shortfall, ShortfallArgs, ShortfallConnection, ShortfallFilter } from './shortfall.types';

/** A scan of a whole tenant by the server itself (deadline reminders): one phase, one deadline window. */
export interface TenantScan {
  year: number;
  /** the year's title applicants (by deadline), or everyone else (by unit) */
  phase: 'APPLICANTS' | 'OTHERS';
  /** people whose deadline is after `after` and not after `through` */
  deadlines: { after: string; through: string };
  /** the day the years are judged on */
  today: string;
}

/** People judged by one request at most. */
export const SCAN_BUDGET = 2000;
/** People read and judged together. */
const CHUNK = 250;
/** Judgments between two yields to the event loop. */
const YIELD_EVERY = 100;

type Phase = 'A' | 'B';
const DAY_MS = 86_400_000;

export class ShortfallService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly policies: PoliciesService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  async shortfalls(ctx: Context, args: ShortfallArgs): Promise<ShortfallConnection> {
    const actor = requireOfficial(ctx);
    this.policies.checkYear(args.year, 'year');
    const policy = await this.policies.current(ctx);
    this.policies.versionOrThrow(policy.document, args.year);
    const scope = scopeOf(actor);
    const query = candidateQuery(policy.document, args.year, args.filter, scope.kind === 'SUBTREE' ? scope.path : null);
    const position = decodeCursor(args.after, 3, ([phase, key, id]) => (phase === 'A' || phase === 'B') && !!key && isUuid(id ?? ''));
    let phase: Phase = (position?.[0] as Phase | undefined) ?? 'A';
    let after = position ? ([position[1], position[2]] as [string, string]) : null;
    const found: Shortfall[] = [];
    let scanned = 0;
    let exhausted = false;
    let cursor: string | null = args.after ?? null;
    const em = await ctx.db();
    if (args.filter?.unitId && !isUuid(args.filter.unitId)) exhausted = true;
    while (!exhausted && found.length < args.first && scanned < SCAN_BUDGET) {
      const limit = Math.min(CHUNK, SCAN_BUDGET - scanned);
      const page = phase === 'A' ? await applicantsPage(em, query, after, limit) : await othersPage(em, query, after, limit);
      if (page.length === 0) {
        if (phase === 'B') exhausted = true;
        else [phase, after] = ['B', null];
        continue;
      }
      const judged = await this.judge(ctx, page, args.year, policy.document, policy.revision, this.clock.today());
      for (const [i, c] of page.entries()) {
        scanned++;
        after = phase === 'A' ? [c.deadline, c.id] : [c.unitPath, c.id];
        cursor = encodeCursor([phase, ...after]);
        const short = judged[i];
        if (short) found.push(short);
        if (found.length === args.first) break;
      }
      if (found.length < args.first && page.length < limit) {
        if (phase === 'B') exhausted = true;
        else [phase, after] = ['B', null];
      }
    }
    const pageInfo = { hasNextPage: !exhausted, hasPreviousPage: !!args.after, startCursor: null, endCursor: cursor };
    return { nodes: found, pageInfo, scanned };
  }

  /** How many people walking the whole list (every page) judges: everyone active in the caller's scope that the filter keeps. */
  async countCandidates(ctx: Context, args: Pick<ShortfallArgs, 'year' | 'filter'>): Promise<number> {
    const actor = requireOfficial(ctx);
    this.policies.checkYear(args.year, 'year');
    this.policies.versionOrThrow((await this.policies.current(ctx)).document, args.year);
    if (args.filter?.unitId && !isUuid(args.filter.unitId)) return 0;
    const scope = scopeOf(actor);
    const path = scope.kind === 'SUBTREE' ? scope.path : null;
    return countCandidates(await ctx.db(), { path, unitId: args.filter?.unitId ?? null, titleSeries: args.filter?.titleSeries ?? null });
  }

  /**
   * The short people among the next `limit` candidates of a whole tenant, for work the server does
   * itself (deadline reminders): no role scope; the same candidates, order and judgment as
   * `shortfalls`, in set-based reads. Answers them with the position to continue after (null: done).
   */
  async scanTenant(
    ctx: Context,
    policy: PolicyRevision,
    scan: TenantScan,
    after: [string, string] | null,
    limit: number,
  ): Promise<{ short: Shortfall[]; next: [string, string] | null }> {
    const query: CandidateQuery = { ...candidateQuery(policy.document, scan.year, null, null), deadlines: scan.deadlines };
    const em = await ctx.db();
    const page = scan.phase === 'APPLICANTS' ? await applicantsPage(em, query, after, limit) : await othersPage(em, query, after, limit);
    const judged = await this.judge(ctx, page, scan.year, policy.document, policy.revision, scan.today);
    const last = page[page.length - 1];
    const next: [string, string] | null = page.length < limit || !last ? null : scan.phase === 'APPLICANTS' ? [last.deadline, last.id] : [last.unitPath, last.id];
    return { short: judged.filter((s): s is Shortfall => s !== null), next };
  }

  /** Each candidate's year (the certified result where there is one); the short ones as list entries. */
  private async judge(ctx: Context, page: readonly Candidate[], year: number, doc: PolicyDocument, revision: number, today: string): Promise<(Shortfall | null)[]> {
    const em = await ctx.db();
    const ids = page.map((c) => c.id);
    // one connection: its statements run one after another
    const people = await this.repo.findPeopleById(em, ids);
    const activities = await this.repo.activitiesOf(em, ids, year);
    const certifications = await this.repo.certificationsOf(em, ids, year);
    const calendar = await this.calendar.current(ctx);
    const byId = new Map(people.map((p) => [p.id, p]));
    return mapInSlices(page, YIELD_EVERY, (c) => {
      const person = byId.get(c.id);
      if (!person) return null;
      const certified = certifications.get(c.id)?.find((x) => x.year === year)?.result;
      const ev: HoursEvaluation =
        certified ?? toEvaluationView(evaluateYear({ policy: doc, profile: profileOf(person), activities: activities.get(c.id) ?? [], year, today, calendar }), doc, revision);
      if (ev.status !== 'INCOMPLETE') return null;
      return {
        professionalId: person.id,
        name: person.name,
        idNumber: maskIdNumber(person.idNumber),
        unitId: c.unitId,
        unitName: c.unitName,
        titleLevel: person.titleLevel,
        titleSeries: person.titleSeries,
        year,
        deadline: c.deadline,
        daysLeft: Math.round((Date.parse(c.deadline) - Date.parse(today)) / DAY_MS),
        deadlineReason: deadlineReason(doc, c),
        titleApplicationId: c.applicationId,
        targetLevel: c.targetLevel as Shortfall['targetLevel'],
        publicCredited: ev.public.credited,
        publicShortfall: ev.public.shortfall,
        professionalCredited: ev.professional.credited,
        professionalShortfall: ev.professional.shortfall,
        reasons: ev.reasons,
        certified: !!certified,
      };
    });
  }
}

function candidateQuery(doc: PolicyDocument, year: number, filter: ShortfallFilter | null | undefined, path: string | null): CandidateQuery {
  const yearDeadline = `${year}-${deadlineMonthDay(doc.deadline.monthDay, year)}`;
  const d = doc.title.deadline;
  const titleDeadline: CandidateQuery['titleDeadline'] =
    d.type === 'fixed' ? { kind: 'FIXED', date: `${year}-${deadlineMonthDay(d.monthDay, year)}` } : d.type === 'filing' ? { kind: 'FILING' } : { kind: 'YEAR' };
  return { year, path, unitId: filter?.unitId ?? null, titleSeries: filter?.titleSeries ?? null, yearDeadline, titleDeadline };
}

function deadlineReason(doc: PolicyDocument, c: Candidate): string {
  if (!c.applicationId) return `年度学时截止日（${doc.deadline.source}）`;
  const d = doc.title.deadline;
  if (d.type === 'fixed') return `职称申报：申报当年的学习须在${c.deadline}以前完成（${d.source}）`;
  if (d.type === 'filing') return `职称申报：须在提交申报材料（${c.deadline}）以前完成（${d.source}）`;
  return `职称申报：年度学时截止日（${doc.deadline.source}）`;
}
