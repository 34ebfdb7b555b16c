// Benchmark of the hours engine: evaluates 1,000,000 professional-years (about 10
// activities each, every kind of the five tenants) on one core, and a trivial sum over
// the same activities as a baseline measured in the same run.
//
//   npx tsc -p tsconfig.bench.json && node dist/bench/engine.bench.js [count]
import { join, relative } from 'node:path';
import { evaluateYear, type ActivityInput, type ParamSpec, type ParamValue, type PolicyDocument, type ProfileInput } from '../server/engine';
import { versionForYear } from '../server/engine';
import { calendarFromSource } from '../server/calendar/calendar-source';
import { loadAllPolicies } from '../server/policy';

const COUNT = Number(process.argv[2] ?? 1_000_000);
/** The statutory working-day calendar, as the server gives it to the engine (Jining's pre-filing lead time counts with it). */
const CALENDAR = calendarFromSource();
const PER_YEAR = 10;
const YEARS: Record<string, number> = { linyi: 2018, qingdao: 2023, jining: 2021, binzhou: 2021, bingtuan: 2021 };

/** Seeded PRNG (mulberry32), so every run measures the same workload. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20260401);
/** items[i], which must be there (the lists below are never empty). */
function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i} among ${items.length}`);
  return item;
}
const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));

function yearOf(code: string): number {
  const year = YEARS[code];
  if (year === undefined) throw new Error(`no benchmark year for tenant ${code}`);
  return year;
}
const pad = (n: number) => String(n).padStart(2, '0');

function paramValue(p: ParamSpec, year: number): ParamValue {
  const min = p.min ?? 0;
  switch (p.type) {
    case 'int':
      return min + Math.floor(random() * ((p.max ?? min + 12) - min + 1));
    case 'number':
      return min + Math.floor(random() * ((p.max ?? min + 40) - min + 1));
    case 'enum':
      return pick(p.values ?? []).value;
    case 'bool':
      return random() < 0.85;
    case 'date':
      return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    case 'string':
      return `证${Math.floor(random() * 500)}`;
  }
}

type KindEntry = [string, { params: ParamSpec[] }];

function kindsOf(policy: PolicyDocument, year: number): KindEntry[] {
  const version = versionForYear(policy, year);
  if (!version) throw new Error(`${policy.code}: no version for ${year}`);
  return Object.entries(version.kinds);
}

function newActivity(code: string, n: number, kinds: KindEntry[], year: number): ActivityInput {
  const [kind, spec] = pick(kinds);
  const params: Record<string, ParamValue> = {};
  for (const p of spec.params) params[p.name] = paramValue(p, year);
  const date = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  return { id: `${code}-${n}`, kind, year, date, params };
}

interface Job {
  policy: PolicyDocument;
  year: number;
  profile: ProfileInput;
  activities: ActivityInput[];
}

const PROFILES: ProfileInput[] = [
  { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', employerType: 'PUBLIC_INSTITUTION' },
  { titleLevel: 'ASSISTANT', titleSeries: 'HEALTH', employerType: 'STATE_ENTERPRISE' },
  { titleLevel: 'DEPUTY_SENIOR', titleSeries: 'SCHOOL_TEACHING', employerType: 'PRIVATE_ENTERPRISE', flags: ['ASSESSMENT_RECOGNITION'] },
];

/**
 * Professional-years [from, to): each with its own ~10 activities (8–12), allocated together
 * as they would be when loaded for one person. Built chunk by chunk to bound memory.
 */
function buildJobs(policies: PolicyDocument[], kinds: KindEntry[][], from: number, to: number): Job[] {
  const jobs: Job[] = [];
  for (let i = from; i < to; i++) {
    const t = i % policies.length;
    const policy = at(policies, t);
    const year = yearOf(policy.code);
    const count = PER_YEAR - 2 + Math.floor(random() * 5);
    const activities: ActivityInput[] = [];
    const kindsOfTenant = at(kinds, t);
    for (let k = 0; k < count; k++) activities.push(newActivity(policy.code, k, kindsOfTenant, year));
    jobs.push({ policy, year, profile: at(PROFILES, i % PROFILES.length), activities });
  }
  return jobs;
}

function runEngine(jobs: Job[]): number {
  let checksum = 0;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    const e = evaluateYear({ policy: job.policy, profile: job.profile, activities: job.activities, year: job.year, calendar: CALENDAR });
    checksum += e.subjects.PUBLIC.credited + e.subjects.PROFESSIONAL.credited + (e.complete ? 1 : 0);
  }
  return checksum;
}

/** Baseline: touch every activity and sum a number from its parameters. */
function runBaseline(jobs: Job[]): number {
  let checksum = 0;
  for (let i = 0; i < jobs.length; i++) {
    const list = jobs[i]!.activities;
    for (let k = 0; k < list.length; k++) {
      const h = list[k]!.params.hours;
      checksum += typeof h === 'number' ? h : 1;
    }
  }
  return checksum;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function main(): void {
  const policies = [...loadAllPolicies(join(__dirname, '../../tenants')).values()];
  const kinds = policies.map((p) => kindsOf(p, yearOf(p.code)));

  // Warm-up: let the JIT see every tenant's kinds before measuring.
  const warm = buildJobs(policies, kinds, 0, Math.min(COUNT, 50_000));
  runEngine(warm);
  runBaseline(warm);

  // Built and measured chunk by chunk (building is not timed); baseline and engine are
  // interleaved so that load from other processes hits both measurements alike.
  const CHUNK = 50_000;
  let buildTime = 0;
  let baseTime = 0;
  let engineTime = 0;
  let baseSum = 0;
  let engineSum = 0;
  let activities = 0;
  for (let from = 0; from < COUNT; from += CHUNK) {
    const built = process.hrtime.bigint();
    const jobs = buildJobs(policies, kinds, from, Math.min(COUNT, from + CHUNK));
    buildTime += seconds(built);
    for (const j of jobs) activities += j.activities.length;
    const b = process.hrtime.bigint();
    baseSum += runBaseline(jobs);
    baseTime += seconds(b);
    const e = process.hrtime.bigint();
    engineSum += runEngine(jobs);
    engineTime += seconds(e);
  }
  console.log(
    `built ${COUNT.toLocaleString('en')} professional-years, ${activities.toLocaleString('en')} activities (${policies.map((p) => p.code).join(', ')}) in ${buildTime.toFixed(2)} s`,
  );

  const rate = COUNT / engineTime;
  const baseRate = COUNT / baseTime;
  console.log(`engine:   ${engineTime.toFixed(3)} s, ${Math.round(rate).toLocaleString('en')} professional-years/s, ${((engineTime / COUNT) * 1e6).toFixed(2)} µs each (checksum ${engineSum})`);
  console.log(`baseline: ${baseTime.toFixed(3)} s, ${Math.round(baseRate).toLocaleString('en')} professional-years/s (trivial sum, checksum ${baseSum})`);
  console.log(`ratio:    engine is ${(engineTime / baseTime).toFixed(1)}× the baseline's time; target ≥ 200,000/s: ${rate >= 200_000 ? 'met' : 'NOT met'}`);
  console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
  const args = process.argv.slice(2).join(' ');
  const script = process.argv[1] ?? '';
  console.log(`command:  npx tsc -p tsconfig.bench.json && node ${relative(process.cwd(), script) || script}${args ? ` ${args}` : ''}  (${process.version}, one core)`);
}

main();
