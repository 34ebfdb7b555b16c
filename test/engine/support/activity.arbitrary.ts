// fast-check generators built from the policy's own parameter lists, so property
// tests cover every kind of every tenant without listing them.
import fc from 'fast-check';
import type { ActivityInput, ParamSpec, ParamValue, PolicyDocument } from '../../../server/engine';
import { versionForYear } from '../../../server/engine';

function paramArbitrary(p: ParamSpec, year: number): fc.Arbitrary<ParamValue> {
  switch (p.type) {
    case 'int': {
      const min = p.min ?? 0;
      return fc.integer({ min, max: p.max ?? min + 40 });
    }
    case 'number': {
      const min = p.min ?? 0;
      return fc.integer({ min: min * 2, max: (p.max ?? min + 60) * 2 }).map((n) => n / 2);
    }
    case 'enum':
      return fc.constantFrom(...(p.values ?? []).map((v) => v.value));
    case 'bool':
      return fc.boolean();
    case 'date':
      return fc.integer({ min: 1, max: 28 }).chain((d) => fc.integer({ min: 1, max: 12 }).map((m) => `${year}-${pad(m)}-${pad(d)}`));
    case 'string':
      // A small alphabet so that "counts once" keys collide now and then.
      return fc.constantFrom('甲', '乙', '丙', 'C-1');
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

export function activityArbitrary(policy: PolicyDocument, year: number): fc.Arbitrary<ActivityInput> {
  const version = versionForYear(policy, year);
  if (!version) throw new Error(`no version for ${year}`);
  const kinds = Object.keys(version.kinds);
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      id: fc.string({ minLength: 1, maxLength: 6 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .chain(({ kind, id, month, day }) => {
      const spec = version.kinds[kind];
      if (spec === undefined) throw new Error(`no kind ${kind}`);
      const specs = spec.params;
      const params = Object.fromEntries(specs.map((p) => [p.name, paramArbitrary(p, year)]));
      return fc.record(params).map(
        (values): ActivityInput => ({ id, kind, year, date: `${year}-${pad(month)}-${pad(day)}`, params: values }),
      );
    });
}

/** Activities with distinct ids (ids are how results are matched to activities). */
export function activitiesArbitrary(policy: PolicyDocument, year: number, maxLength = 14): fc.Arbitrary<ActivityInput[]> {
  return fc.uniqueArray(activityArbitrary(policy, year), { maxLength, selector: (a) => a.id });
}
