// Names and dates a policy file may not use: an impossible deadline, and kind, group,
// source or parameter names that every JavaScript object already has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateYear, type ActivityInput, type PolicyDocument } from '../../server/engine';
import { parsePolicy } from '../../server/policy';
import { issuesOf, minimal, variant } from './support/policy-variants';

const DEADLINE = 'deadline: { monthDay: "12-31", source: "004 三、(一)" }';

const withDeadline = (monthDay: string) => variant(DEADLINE, `deadline: { monthDay: "${monthDay}", source: "004 三、(一)" }`);

describe('impossible deadlines', () => {
  it.each(['02-31', '04-31', '02-30', '06-31', '09-31', '11-31'])('%s is refused at deadline.monthDay', (monthDay) => {
    expect(issuesOf(withDeadline(monthDay))).toEqual([{ path: 'deadline.monthDay', message: expect.stringContaining(`“${monthDay}”不存在`) }]);
  });

  it('02-29 is accepted: in a common year the deadline is 28 February', () => {
    const policy = parsePolicy(withDeadline('02-29'), 'minimal-valid.yaml');
    const course = (id: string, date: string): ActivityInput => ({ id, kind: 'publicCourse', year: Number(date.slice(0, 4)), date, params: {} });
    const credited = (year: number, date: string) =>
      evaluateYear({ policy, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities: [course('a', date)], year }).subjects.PUBLIC.credited;
    expect([credited(2023, '2023-02-28'), credited(2023, '2023-03-01')]).toEqual([10, 0]);
    expect([credited(2024, '2024-02-29'), credited(2024, '2024-03-01')]).toEqual([10, 0]);
    const late = evaluateYear({ policy, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities: [course('a', '2023-03-01')], year: 2023 });
    expect(late.activities[0]?.notes).toEqual(['日期2023-03-01晚于截止日期2023-02-28，不计入']);
  });

  it('the title deadline is held to the same calendar (fixed 04-31 is refused)', () => {
    const text = variant('deadline: { type: yearEnd }', 'deadline: { type: fixed, monthDay: "04-31", source: "004 三、(一)" }');
    expect(issuesOf(text)).toEqual([{ path: 'title.deadline.monthDay', message: expect.stringContaining('不存在') }]);
  });
});

describe('names like object built-ins', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'])('a kind code “%s” is refused at its path', (name) => {
    expect(issuesOf(variant('      publicCourse:', `      ${name}:`))).toEqual([
      { path: `versions[0].kinds.${name}`, message: expect.stringContaining(`不能使用保留名称“${name}”`) },
    ]);
  });

  it('a kind code “__proto__” is refused, not silently dropped', () => {
    expect(issuesOf(variant('      publicCourse:', '      __proto__:'))).toEqual([
      { path: 'versions[0].kinds.__proto__', message: expect.stringContaining('不能使用保留名称“__proto__”') },
    ]);
  });

  it('a group named “toString”, and a kind in an undefined group “toString”, are refused', () => {
    const group = variant('    kinds:\n', '    groups:\n      toString: { name: g, source: "004 一、", caps: { PUBLIC: 5 } }\n    kinds:\n');
    expect(issuesOf(group)).toEqual([{ path: 'versions[0].groups.toString', message: expect.stringContaining('保留名称') }]);
    const member = variant('    kinds:\n', '    groups:\n      other: { name: g, source: "004 一、", caps: { PUBLIC: 5 } }\n    kinds:\n').replace(
      '        caps: { perYear: 30 }\n',
      '        caps: { perYear: 30 }\n        group: toString\n',
    );
    expect(issuesOf(member)).toEqual([{ path: 'versions[0].kinds.publicCourse.group', message: expect.stringContaining('未定义的合并上限组“toString”') }]);
  });

  it('a declaration parameter named “constructor” is refused', () => {
    const text = variant('        params: []\n', '        params: [{ name: constructor, type: string, label: 名称, required: true }]\n');
    expect(issuesOf(text)).toEqual([{ path: 'versions[0].kinds.publicCourse.params[0].name', message: expect.stringContaining('保留名称') }]);
  });
});

describe('the engine reads only what a policy itself defines', () => {
  const policy = parsePolicy(minimal, 'minimal-valid.yaml');
  const evaluate = (activities: ActivityInput[], doc: PolicyDocument = policy) =>
    evaluateYear({ policy: doc, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities, year: 2020 });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('an activity of kind “%s” earns nothing and is explained', (kind) => {
    const e = evaluate([{ id: 'a', kind, year: 2020, params: {} }]);
    expect(e.activities[0]).toMatchObject({ hoursEarned: { PUBLIC: 0, PROFESSIONAL: 0 }, notes: [`2020年度政策中没有“${kind}”这一学习形式，不计学时`] });
  });

  it('a table looked up with “constructor” or “toString” as row or column gives 0', () => {
    for (const [level, grade] of [['constructor', 'first'], ['city', 'toString'], ['__proto__', 'valueOf']] as const) {
      const e = evaluate([{ id: 'a', kind: 'award', year: 2020, params: { level, grade } }]);
      expect(e.subjects.PROFESSIONAL.credited).toBe(0);
    }
  });

  it('a kind in a group the version does not define (e.g. “toString”) is not capped by an inherited property', () => {
    const doc: PolicyDocument = {
      ...policy,
      versions: policy.versions.map((v) => ({
        ...v,
        groups: { other: { name: '其他', source: '004 一、', caps: { PUBLIC: 1 } } },
        kinds: { ...v.kinds, publicCourse: { ...v.kinds.publicCourse!, group: 'toString' } },
      })),
    };
    const e = evaluate([{ id: 'a', kind: 'publicCourse', year: 2020, params: {} }], doc);
    expect(e.subjects.PUBLIC.credited).toBe(10);
  });

  it('Corps: a face-to-face class at level “toString” is explained with that text, not an inherited property', () => {
    const corps = parsePolicy(readFileSync(join(__dirname, '../../tenants/bingtuan.yaml'), 'utf8'), 'bingtuan.yaml');
    const e = evaluateYear({ policy: corps, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities: [{ id: 'a', kind: 'faceToFace', year: 2021, params: { targetLevel: 'toString' } }], year: 2021 });
    expect(e.activities[0]?.ruleApplied.text).toContain('班次级别（toString）');
  });

  it('a lookup by “constructor” or “toString” gives 0 hours, not an inherited property', () => {
    const jining = parsePolicy(readFileSync(join(__dirname, '../../tenants/jining.yaml'), 'utf8'), 'jining.yaml');
    for (const level of ['constructor', 'toString', 'provincial']) {
      const e = evaluateYear({ policy: jining, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities: [{ id: 'a', kind: 'contest', year: 2021, params: { contestName: 'x', level } }], year: 2021 });
      expect(e.subjects.PROFESSIONAL.credited).toBe(level === 'provincial' ? 20 : 0);
    }
  });
});
