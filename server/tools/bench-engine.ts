// Benchmark of the hours engine: evaluates 1,000,000 professional-years (about 10
// activities each, every kind of the five tenants) on one core, and a trivial sum over
// the same activities as a baseline measured in the same run.
//
//   npx tsc -p tsconfig.build.json && node dist/server/tools/bench-engine.js [count]
import { join } from 'node:path';
import { evaluateYear, type ActivityInput, type ParamSpec, type ParamValue, type PolicyDocument, type ProfileInput } from '../engine';
import { versionForYear } from '../engine';
import { loadAllPolicies } from '../policy';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const PER_YEAR = 10;
const POOL = 20_000;
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
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
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

function activityPool(policy: PolicyDocument, year: number): ActivityInput[] {
  const version = versionForYear(policy, year);
  if (!version) throw new Error(`${policy.code}: no version for ${year}`);
  const kinds = Object.entries(version.kinds);
  const pool: ActivityInput[] = [];
  for (let i = 0; i < POOL; i++) {
    const [kind, spec] = pick(kinds);
    const params: Record<string, ParamValue> = {};
    for (const p of spec.params) params[p.name] = paramValue(p, year);
    const date = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    pool.push({ id: `${policy.code}-${i}`, kind, year, date, params });
  }
  return pool;
}

interface Job {
  policy: PolicyDocument;
  year: number;
  profile: ProfileInput;
  activities: ActivityInput[];
}

function buildJobs(policies: PolicyDocument[]): Job[] {
  const profiles: ProfileInput[] = [
    { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', employerType: 'PUBLIC_INSTITUTION' },
    { titleLevel: 'ASSISTANT', titleSeries: 'HEALTH', employerType: 'STATE_ENTERPRISE' },
    { titleLevel: 'DEPUTY_SENIOR', titleSeries: 'SCHOOL_TEACHING', employerType: 'PRIVATE_ENTERPRISE', flags: ['ASSESSMENT_RECOGNITION'] },
  ];
  const pools = policies.map((p) => activityPool(p, YEARS[p.code]));
  const jobs: Job[] = new Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const t = i % policies.length;
    const pool = pools[t];
    // Ten distinct pool entries: a random start and a stride coprime with the pool size.
    const start = Math.floor(random() * POOL);
    const activities: ActivityInput[] = new Array(PER_YEAR);
    for (let k = 0; k < PER_YEAR; k++) activities[k] = pool[(start + k * 7919) % POOL];
    jobs[i] = { policy: policies[t], year: YEARS[policies[t].code], profile: profiles[i % profiles.length], activities };
  }
  return jobs;
}

function runEngine(jobs: Job[], from: number, to: number): number {
  let checksum = 0;
  for (let i = from; i < to; i++) {
    const job = jobs[i];
    const e = evaluateYear({ policy: job.policy, profile: job.profile, activities: job.activities, year: job.year });
    checksum += e.subjects.PUBLIC.credited + e.subjects.PROFESSIONAL.credited + (e.complete ? 1 : 0);
  }
  return checksum;
}

/** Baseline: touch every activity and sum a number from its parameters. */
function runBaseline(jobs: Job[], from: number, to: number): number {
  let checksum = 0;
  for (let i = from; i < to; i++) {
    const list = jobs[i].activities;
    for (let k = 0; k < list.length; k++) {
      const h = list[k].params.hours;
      checksum += typeof h === 'number' ? h : 1;
    }
  }
  return checksum;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function main(): void {
  const policies = [...loadAllPolicies(join(__dirname, '../../../tenants')).values()];
  const buildStart = process.hrtime.bigint();
  const jobs = buildJobs(policies);
  console.log(`built ${COUNT.toLocaleString('en')} professional-years × ${PER_YEAR} activities (${policies.map((p) => p.code).join(', ')}) in ${seconds(buildStart).toFixed(2)} s`);

  // Warm-up: let the JIT see every tenant's kinds before measuring.
  runEngine(jobs, 0, Math.min(COUNT, 50_000));
  runBaseline(jobs, 0, Math.min(COUNT, 50_000));

  const baseStart = process.hrtime.bigint();
  const baseSum = runBaseline(jobs, 0, COUNT);
  const baseTime = seconds(baseStart);

  const engineStart = process.hrtime.bigint();
  const engineSum = runEngine(jobs, 0, COUNT);
  const engineTime = seconds(engineStart);

  const rate = COUNT / engineTime;
  const baseRate = COUNT / baseTime;
  console.log(`engine:   ${engineTime.toFixed(3)} s, ${Math.round(rate).toLocaleString('en')} professional-years/s, ${((engineTime / COUNT) * 1e6).toFixed(2)} µs each (checksum ${engineSum})`);
  console.log(`baseline: ${baseTime.toFixed(3)} s, ${Math.round(baseRate).toLocaleString('en')} professional-years/s (trivial sum, checksum ${baseSum})`);
  console.log(`ratio:    engine is ${(engineTime / baseTime).toFixed(1)}× the baseline's time; target ≥ 200,000/s: ${rate >= 200_000 ? 'met' : 'NOT met'}`);
  console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
}

main();
