// Properties that must hold for every tenant and any declarations.
import fc from 'fast-check';
import { evaluateYear, splitAmongAuthors, versionForYear, type YearEvaluation } from '../../server/engine';
import { activitiesArbitrary, activityArbitrary } from './support/activity.arbitrary';
import { profile, tenant } from './support/engine.factory';

const cases = [
  ['linyi', 2018],
  ['qingdao', 2023],
  ['jining', 2020],
  ['jining', 2019],
  ['binzhou', 2021],
  ['binzhou', 2019],
  ['bingtuan', 2021],
] as const;

const runs = { numRuns: 100 };

describe.each(cases)('engine properties: %s %d', (code, year) => {
  const policy = tenant(code);
  const version = versionForYear(policy, year)!;
  const kindOf = (code: string) => {
    const kind = version.kinds[code];
    if (kind === undefined) throw new Error(`no kind ${code} in ${year}`);
    return kind;
  };
  const run = (activities: Parameters<typeof evaluateYear>[0]['activities']) => evaluateYear({ policy, profile: profile(), activities, year });

  it('credited hours never exceed any per-kind or per-group cap', () => {
    fc.assert(
      fc.property(activitiesArbitrary(policy, year), (activities) => {
        const e = run(activities);
        const byKind = new Map<string, number>();
        const byGroup = new Map<string, { PUBLIC: number; PROFESSIONAL: number }>();
        for (const r of e.activities) {
          const kind = kindOf(r.kind);
          const h = r.hoursEarned.PUBLIC + r.hoursEarned.PROFESSIONAL;
          byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + h);
          if (kind.group) {
            const g = byGroup.get(kind.group) ?? { PUBLIC: 0, PROFESSIONAL: 0 };
            g.PUBLIC += r.hoursEarned.PUBLIC;
            g.PROFESSIONAL += r.hoursEarned.PROFESSIONAL;
            byGroup.set(kind.group, g);
          }
          expect(r.hoursEarned.PUBLIC).toBeGreaterThanOrEqual(0);
          expect(r.hoursEarned.PROFESSIONAL).toBeGreaterThanOrEqual(0);
        }
        for (const [code, sum] of byKind) {
          const caps = kindOf(code).caps;
          if (caps?.perYear !== undefined) expect(sum).toBeLessThanOrEqual(caps.perYear);
          if (caps?.lifetime !== undefined) expect(sum).toBeLessThanOrEqual(caps.lifetime);
        }
        for (const [code, sums] of byGroup) {
          const group = version.groups?.[code];
          if (group === undefined) throw new Error(`no group ${code}`);
          const caps = group.caps;
          if (caps.PUBLIC !== undefined) expect(sums.PUBLIC).toBeLessThanOrEqual(caps.PUBLIC);
          if (caps.PROFESSIONAL !== undefined) expect(sums.PROFESSIONAL).toBeLessThanOrEqual(caps.PROFESSIONAL);
        }
        const sum = (s: 'PUBLIC' | 'PROFESSIONAL') => e.activities.reduce((t, r) => t + r.hoursEarned[s], 0);
        expect(e.subjects.PUBLIC.credited).toBe(sum('PUBLIC'));
        expect(e.subjects.PROFESSIONAL.credited).toBe(sum('PROFESSIONAL'));
      }),
      runs,
    );
  });

  it('adding an activity never lowers a subject’s credited hours', () => {
    fc.assert(
      fc.property(activitiesArbitrary(policy, year), activityArbitrary(policy, year), (activities, extra) => {
        const more = [...activities, { ...extra, id: `extra-${extra.id}` }];
        const before = run(activities);
        const after = run(more);
        expect(after.subjects.PUBLIC.credited).toBeGreaterThanOrEqual(before.subjects.PUBLIC.credited);
        expect(after.subjects.PROFESSIONAL.credited).toBeGreaterThanOrEqual(before.subjects.PROFESSIONAL.credited);
        if (before.complete) expect(after.complete).toBe(true);
      }),
      runs,
    );
  });

  it('is deterministic: same input, any order → the same result', () => {
    fc.assert(
      fc.property(activitiesArbitrary(policy, year), fc.integer(), (activities, seed) => {
        const shuffled = [...activities].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0));
        const a: YearEvaluation = run(activities);
        const b: YearEvaluation = run(shuffled);
        const byId = (e: YearEvaluation) => [...e.activities].sort((x, y) => (x.activityId < y.activityId ? -1 : 1));
        expect({ ...b, activities: byId(b) }).toEqual({ ...a, activities: byId(a) });
        expect(run(activities)).toEqual(a);
      }),
      runs,
    );
  });
});

function hash(id: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 2654435761);
  return h;
}

describe('co-author split', () => {
  it('Binzhou: the co-author split always sums to the paper’s hours and differs by at most 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 }), (hours, authors) => {
        const shares = splitAmongAuthors(hours, authors);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(hours);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        // Earlier authors never get less than later ones.
        let previous = Infinity;
        for (const share of shares) {
          expect(share).toBeLessThanOrEqual(previous);
          previous = share;
        }
      }),
    );
  });

  it('Binzhou: 15 hours among 4 authors → 4, 4, 4, 3', () => {
    expect(splitAmongAuthors(15, 4)).toEqual([4, 4, 4, 3]);
  });
});
