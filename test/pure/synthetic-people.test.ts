import { createHash } from 'node:crypto';
import { parseIdNumber } from '../../server/platform/id-number';
import {
  BINGTUAN_REGION_CODES,
  createPeopleGenerator,
  LINYI_REGION_CODES,
  REGION_CITIES,
  SyntheticPerson,
} from '../../server/demo/synthetic-people';
import { TITLE_LEVELS, TITLE_SERIES } from '../../server/engine/titles';

const AS_OF = '2025-12-31';

function generate(seed: number, count: number, regionCodes: readonly string[] = LINYI_REGION_CODES): SyntheticPerson[] {
  const generator = createPeopleGenerator({ seed, regionCodes, asOf: AS_OF });
  return Array.from({ length: count }, (_, index) => generator.next(index));
}

describe('synthetic people', () => {
  const people = generate(7, 20_000);

  test('20,000 people have valid ID numbers consistent with their birth date, gender and region', () => {
    const inconsistent = people.filter((person) => {
      const parsed = parseIdNumber(person.idNumber, AS_OF);
      return (
        !parsed.ok ||
        parsed.birthDate !== person.birthDate ||
        parsed.gender !== person.gender ||
        parsed.regionCode !== person.regionCode
      );
    });
    expect(inconsistent).toEqual([]);
  });

  test('20,000 people have unique ID numbers and unique mobile numbers', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.mobile)).size).toBe(people.length);
  });

  test('region codes come from the given districts', () => {
    const allowed = new Set(LINYI_REGION_CODES);
    expect(people.every((p) => allowed.has(p.regionCode))).toBe(true);
    expect(new Set(people.map((p) => p.regionCode)).size).toBe(LINYI_REGION_CODES.length);
  });

  test('birth dates fall between 1962 and 2000', () => {
    expect(people.every((p) => p.birthDate >= '1962-01-01' && p.birthDate <= '2000-12-31')).toBe(true);
  });

  test('names are two to four Chinese characters and both genders are well represented', () => {
    expect(people.every((p) => /^[\u4e00-\u9fff]{2,4}$/.test(p.name))).toBe(true);
    const men = people.filter((p) => p.gender === 'MALE').length;
    expect(men / people.length).toBeGreaterThan(0.47);
    expect(men / people.length).toBeLessThan(0.53);
  });

  test('mobile numbers look like mainland mobiles', () => {
    expect(people.every((p) => /^1[3-9]\d{9}$/.test(p.mobile))).toBe(true);
  });

  test('titles are known values; intermediate is the most common level; nobody under 30 is senior', () => {
    expect(people.every((p) => TITLE_LEVELS.includes(p.titleLevel) && TITLE_SERIES.includes(p.titleSeries))).toBe(true);
    const byLevel = new Map<string, number>();
    for (const p of people) byLevel.set(p.titleLevel, (byLevel.get(p.titleLevel) ?? 0) + 1);
    const mostCommon = [...byLevel.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(mostCommon).toBe('INTERMEDIATE');
    const youngSeniors = people.filter((p) => p.birthDate > '1996-01-01' && p.titleLevel === 'SENIOR');
    expect(youngSeniors).toHaveLength(0);
  });

  test('people join their unit after turning 21 and not after the as-of date', () => {
    const wrong = people.filter((p) => {
      const twentyFirst = `${Number(p.birthDate.slice(0, 4)) + 21}${p.birthDate.slice(4)}`.replace('-02-29', '-02-28');
      return p.joinedOn < twentyFirst || p.joinedOn > AS_OF;
    });
    expect(wrong).toEqual([]);
  });

  test('the same seed gives the same people; another seed gives different ones', () => {
    expect(generate(7, 1000)).toEqual(people.slice(0, 1000));
    const other = generate(8, 1000);
    expect(other.filter((p, i) => p.idNumber === people[i]!.idNumber).length).toBeLessThan(5);
  });

  test('next(index) does not depend on call order', () => {
    const generator = createPeopleGenerator({ seed: 7, regionCodes: LINYI_REGION_CODES, asOf: AS_OF });
    expect(generator.next(19_999)).toEqual(people[19_999]);
    expect(generator.next(3)).toEqual(people[3]);
  });

  test('a single district still yields unique numbers, up to the capacity', () => {
    const generator = createPeopleGenerator({ seed: 1, regionCodes: ['659001'], asOf: AS_OF });
    expect(generator.capacity).toBeGreaterThan(14_000_000);
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(generator.next(i).idNumber);
    expect(ids.size).toBe(50_000);
    expect(() => generator.next(generator.capacity)).toThrow(RangeError);
  });

  test('every bundled region code is accepted by the ID number rules', () => {
    for (const city of Object.values(REGION_CITIES)) {
      expect(() => createPeopleGenerator({ seed: 1, regionCodes: city.codes })).not.toThrow();
    }
    expect(BINGTUAN_REGION_CODES).toContain('659001');
  });

  test('the generator gives the very people it gave before its data moved to synthetic-people-data.ts', () => {
    // Demo seeds, fixtures and bulk generator runs depend on these staying put.
    expect(people.slice(0, 3).map((p) => [p.name, p.gender, p.idNumber, p.mobile, p.titleLevel, p.titleSeries, p.joinedOn])).toEqual([
      ['陈博', 'MALE', '37130219810807749X', '13121582521', 'INTERMEDIATE', 'HEALTH', '2013-12-26'],
      ['唐慧悦', 'FEMALE', '371325196207182602', '19573998374', 'DEPUTY_SENIOR', 'ACCOUNTING', '2002-12-14'],
      ['王文峰', 'MALE', '371322198110088812', '13331607089', 'ASSISTANT', 'SCHOOL_TEACHING', '2007-05-09'],
    ]);
    const generator = createPeopleGenerator({ seed: 20260001, regionCodes: BINGTUAN_REGION_CODES });
    const hash = createHash('sha256');
    for (let i = 0; i < 20_000; i++) hash.update(JSON.stringify(generator.next(i)));
    expect(hash.digest('hex')).toBe('3d31d5ea86bd7b4688404df29dd8078d0acfdd947caa48a819e1172757d5b82a');
  });

  test('invalid region codes are refused', () => {
    expect(() => createPeopleGenerator({ seed: 1, regionCodes: [] })).toThrow();
    expect(() => createPeopleGenerator({ seed: 1, regionCodes: ['370000'] })).toThrow();
    expect(() => createPeopleGenerator({ seed: 1, regionCodes: ['9913'] })).toThrow();
  });
});
