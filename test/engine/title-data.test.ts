// Issue 10: rules whose answer depends on data about the person and the application —
// the current title's date, the employer type, the application's route, target level and
// filing date. Each test changes one datum and shows the answer change.
import { checkTitleEligibility, type ActivityInput } from '../../server/engine';
import { act, earned, evaluate, profile, tenant, total } from './support/engine.factory';

const qingdaoYear = (y: number) => [act('publicCourse', y, { hours: 30 }), act('jobTraining', y, { category: 'job', hours: 60, days: 8 })];
const years = (from: number, to: number, make: (y: number) => ActivityInput[]) => {
  const out: ActivityInput[] = [];
  for (let y = from; y <= to; y++) out.push(...make(y));
  return out;
};

describe('Qingdao (001 四、): the look-back shortens to the years since the current title was obtained', () => {
  // 2019 and 2020 are missing: a five-year look-back fails, a two-year one passes
  const activities = years(2021, 2023, qingdaoYear);

  it('title obtained two years before the application (2021) → only 2022–2023 checked, eligible; earlier years listed with why', () => {
    const r = checkTitleEligibility({
      policy: tenant('qingdao'),
      profile: profile({ titleObtainedOn: '2021-06-15' }),
      activities,
      targetLevel: 'DEPUTY_SENIOR',
      applicationYear: 2023,
    });
    expect(r.yearsChecked).toEqual([2022, 2023]);
    expect(r.eligible).toBe(true);
    expect(r.yearsNotChecked.map((y) => y.year)).toEqual([2019, 2020, 2021]);
    expect(r.yearsNotChecked[0]!.reason).toContain('2021-06-15取得现职称');
    expect(r.reasons.join('')).toContain('2019—2021年度不核查');
  });

  it('title obtained six years before (2017) → the full five years 2019–2023, not eligible (2019, 2020 missing)', () => {
    const r = checkTitleEligibility({
      policy: tenant('qingdao'),
      profile: profile({ titleObtainedOn: '2017-06-15' }),
      activities,
      targetLevel: 'DEPUTY_SENIOR',
      applicationYear: 2023,
    });
    expect(r.yearsChecked).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(r.yearsNotChecked).toEqual([]);
    expect(r.eligible).toBe(false);
  });

  it('no recorded title date → the full window (nothing assumed)', () => {
    const r = checkTitleEligibility({ policy: tenant('qingdao'), profile: profile(), activities, targetLevel: 'DEPUTY_SENIOR', applicationYear: 2023 });
    expect(r.yearsChecked).toHaveLength(5);
  });

  it('Linyi does not shorten (its policy says nothing of tenure): a recent title keeps the four-year window', () => {
    const r = checkTitleEligibility({
      policy: tenant('linyi'),
      profile: profile({ titleLevel: 'ASSISTANT', titleObtainedOn: '2017-03-01' }),
      activities: [],
      targetLevel: 'INTERMEDIATE',
      applicationYear: 2018,
    });
    expect(r.yearsChecked).toEqual([2015, 2016, 2017, 2018]);
  });
});

describe('Corps (003): the application decides what face-to-face training and the routes mean', () => {
  const corps = tenant('bingtuan');
  const Y = 2021;
  const publicOnline = act('publicOnline', Y, { classLevel: 'intermediate', hours: 30 }, { date: '2021-03-01' });
  const eligibility = (activities: ActivityInput[], more: { route?: 'NORMAL_REVIEW' | 'EXAM_INSTEAD_OF_REVIEW' | 'ASSESSMENT_RECOGNITION' } = {}) =>
    checkTitleEligibility({ policy: corps, profile: profile({ titleLevel: 'INTERMEDIATE' }), activities, targetLevel: 'DEPUTY_SENIOR', applicationYear: Y, ...more });

  it('face-to-face at the target level (副高) replaces the 60 professional hours; at the current level (中级) it is ordinary hours', () => {
    const atTarget = act('faceToFace', Y, { targetLevel: 'DEPUTY_SENIOR', hours: 24 }, { date: '2021-04-01' });
    const atCurrent = act('faceToFace', Y, { targetLevel: 'INTERMEDIATE', hours: 24 }, { date: '2021-04-01' });
    const yes = eligibility([publicOnline, atTarget]);
    const no = eligibility([publicOnline, atCurrent]);
    expect(yes.eligible).toBe(true);
    expect(no.eligible).toBe(false);
    const ordinary = no.years[0]!.evaluation!;
    expect(ordinary.subjects.PROFESSIONAL).toMatchObject({ credited: 24, shortfall: 36 });
    expect(earned(ordinary, atCurrent).ruleApplied.text).toContain('不是拟晋升级别（副高级）');
    expect(earned(yes.years[0]!.evaluation!, atTarget).ruleApplied.text).toContain('拟晋升级别（副高级）班次');
  });

  it('without an application, a class above the current level replaces the hours and one at it does not', () => {
    const above = evaluate(corps, Y, [publicOnline, act('faceToFace', Y, { targetLevel: 'DEPUTY_SENIOR' })]);
    const same = evaluate(corps, Y, [publicOnline, act('faceToFace', Y, { targetLevel: 'INTERMEDIATE' })]);
    expect([above.complete, same.complete]).toEqual([true, false]);
  });

  it('以考代评: in the application year face-to-face does not replace the online hours; normal review it does', () => {
    const f2f = act('faceToFace', Y, { targetLevel: 'DEPUTY_SENIOR' }, { date: '2021-04-01' });
    expect(eligibility([publicOnline, f2f]).eligible).toBe(true);
    const exam = eligibility([publicOnline, f2f], { route: 'EXAM_INSTEAD_OF_REVIEW' });
    expect(exam.eligible).toBe(false);
    expect(exam.reasons.join('')).toContain('以考代评');
    const withOnline = eligibility([publicOnline, f2f, act('professionalOnline', Y, { hours: 60 }, { date: '2021-05-01' })], { route: 'EXAM_INSTEAD_OF_REVIEW' });
    expect(withOnline.eligible).toBe(true);
  });

  it('考核认定: the application year needs only the public online courses', () => {
    expect(eligibility([publicOnline], { route: 'ASSESSMENT_RECOGNITION' }).eligible).toBe(true);
    expect(eligibility([publicOnline]).eligible).toBe(false);
  });

  it('private-enterprise staff: the year is "no requirement", which does not block the application', () => {
    const r = checkTitleEligibility({
      policy: corps,
      profile: profile({ employerType: 'PRIVATE_ENTERPRISE' }),
      activities: [],
      targetLevel: 'DEPUTY_SENIOR',
      applicationYear: Y,
    });
    expect(r.years[0]!.status).toBe('NO_REQUIREMENT');
    expect(r.eligible).toBe(true);
  });

  it('June 30: hours recorded after the deadline do not count for the application, and are listed', () => {
    const prof = (recordedOn: string) => act('professionalOnline', Y, { hours: 60 }, { date: '2021-05-01', recordedOn });
    const inTime = prof('2021-06-29');
    const late = prof('2021-07-01');
    expect(eligibility([publicOnline, inTime]).eligible).toBe(true);
    const r = eligibility([publicOnline, late]);
    expect(r.eligible).toBe(false);
    expect(r.excludedActivities).toEqual([expect.objectContaining({ activityId: late.id, recordedOn: '2021-07-01' })]);
    expect(total(r.years[0]!.evaluation!, late)).toBe(0);
  });
});

describe('Binzhou (004 三、(一)): hours must be done before the materials are filed', () => {
  const binzhou = tenant('binzhou');
  const year = (y: number, date: string) => [
    act('publicCourse', y, { hours: 30 }, { date }),
    act('professionalTraining', y, { hours: 60 }, { date }),
  ];
  it('training one day before the filing date counts; one day after does not (and is listed)', () => {
    const run = (date: string) =>
      checkTitleEligibility({
        policy: binzhou,
        profile: profile({ titleObtainedOn: '2020-01-10' }),
        activities: year(2021, date),
        targetLevel: 'DEPUTY_SENIOR',
        applicationYear: 2021,
        filingDate: '2021-04-30',
      });
    const before = run('2021-04-29');
    const after = run('2021-05-01');
    expect(before.eligible).toBe(true);
    expect(after.eligible).toBe(false);
    expect(after.excludedActivities).toHaveLength(2);
    expect(after.excludedActivities[0]!.reason).toContain('晚于截止日期2021-04-30');
  });
});

describe('a fixed title deadline of 02-29', () => {
  it('is 28 February in a common year and 29 February in a leap year', () => {
    const corps = tenant('bingtuan');
    const policy = { ...corps, title: { ...corps.title, deadline: { type: 'fixed' as const, monthDay: '02-29', source: '003 第2问' } } };
    const ask = (applicationYear: number) =>
      checkTitleEligibility({ policy, profile: profile(), activities: [], targetLevel: 'DEPUTY_SENIOR', applicationYear }).reasons.join('');
    expect(ask(2023)).toContain('2023-02-28');
    expect(ask(2023)).not.toContain('2023-02-29');
    expect(ask(2024)).toContain('2024-02-29');
  });
});

describe('Corps (003 第3问、第6问): public courses are taken at the current title level', () => {
  const corps = tenant('bingtuan');
  const course = (classLevel: string) => act('publicOnline', 2021, { classLevel, hours: 30 });
  it('an intermediate professional in the intermediate class earns 30 public hours; in the senior class, nothing (with the reason)', () => {
    const right = course('intermediate');
    const wrong = course('senior');
    expect(total(evaluate(corps, 2021, [right]), right)).toBe(30);
    const e = evaluate(corps, 2021, [wrong]);
    expect(total(e, wrong)).toBe(0);
    expect(earned(e, wrong).notes[0]).toContain('按现有职称级别（中级）');
  });

  it('no title → the junior class counts, the intermediate class does not', () => {
    const none = profile({ titleLevel: 'NONE' });
    const junior = course('junior');
    const intermediate = course('intermediate');
    expect(total(evaluate(corps, 2021, [junior], { profile: none }), junior)).toBe(30);
    expect(total(evaluate(corps, 2021, [intermediate], { profile: none }), intermediate)).toBe(0);
  });
});
