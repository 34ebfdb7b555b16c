// The Corps (seed 003): exemptions, deemed-complete professional hours, certificates
// counted once, profile-based waivers and the June 30 deadline for title applicants.
import { act, evaluate, earned, profile, tenant, total } from './support/engine.factory';

const corps = tenant('bingtuan');
const Y = 2021;
const publicOnline = (hours = 30) => act('publicOnline', Y, { classLevel: 'intermediate', hours });

describe('Corps (003)', () => {
  it('Corps: 访惠聚 work team member → exempt that year', () => {
    const e = evaluate(corps, Y, [act('fanghuiju', Y, { dispatchProof: '名单' })]);
    expect(e.complete).toBe(true);
    expect(e.exemptions[0]).toMatchObject({ scope: 'YEAR', source: expect.stringContaining('《关于兵团专业技术人员继续教育若干问题解答》第9问') });
  });

  it('Corps: seconded teacher → exempt; a seconded school manager is not', () => {
    expect(evaluate(corps, Y, [act('secondedTeacher', Y, { isSchoolManager: false, proof: 'p' })]).complete).toBe(true);
    expect(evaluate(corps, Y, [act('secondedTeacher', Y, { isSchoolManager: true, proof: 'p' })]).complete).toBe(false);
  });

  it('Corps: face-to-face training replaces the 60 professional online hours', () => {
    const e = evaluate(corps, Y, [publicOnline(), act('faceToFace', Y, { targetLevel: 'DEPUTY_SENIOR' })]);
    expect(e.subjects.PROFESSIONAL).toMatchObject({ credited: 0, shortfall: 0, deemed: true });
    expect(e.complete).toBe(true);
  });

  it('Corps: face-to-face does not replace the public hours', () => {
    const e = evaluate(corps, Y, [act('faceToFace', Y, { targetLevel: 'INTERMEDIATE' })]);
    expect(e.subjects.PUBLIC.shortfall).toBe(30);
    expect(e.complete).toBe(false);
  });

  it('Corps: national or Corps advanced seminar counts as the face-to-face training', () => {
    const e = evaluate(corps, Y, [publicOnline(), act('advancedSeminar', Y, { level: 'corps' })]);
    expect(e.complete).toBe(true);
  });

  it('Corps: degree obtained → professional hours complete in the graduation year', () => {
    const e = evaluate(corps, Y, [publicOnline(), act('degreeObtained', Y, { degree: 'master', graduationDate: '2021-06-30' })]);
    expect(e.subjects.PROFESSIONAL.deemed).toBe(true);
    expect(e.complete).toBe(true);
  });

  it('Corps: 西部之光 visiting scholar ≥ 1 year → professional complete; 10 months → not', () => {
    const year = evaluate(corps, Y, [publicOnline(), act('westernTraining', Y, { program: 'xibuzhiguang', months: 12 })]);
    const short = evaluate(corps, Y, [publicOnline(), act('westernTraining', Y, { program: 'xibuzhiguang', months: 10 })]);
    expect([year.complete, short.complete]).toEqual([true, false]);
  });

  it('Corps: a qualification certificate is deducted once only, across years', () => {
    const first = act('qualificationCertificate', 2020, { certificateName: '注册安全工程师', issueDate: '2020-03-01', certificateNo: 'C-1', hours: 30 });
    const again = act('qualificationCertificate', Y, { certificateName: '注册安全工程师', issueDate: '2020-03-01', certificateNo: 'C-1', hours: 30 });
    expect(total(evaluate(corps, 2020, [first, again]), first)).toBe(30);
    expect(total(evaluate(corps, Y, [first, again]), again)).toBe(0);
  });

  it('Corps: health series with 25 approved sector credits needs no face-to-face', () => {
    const health = profile({ titleSeries: 'HEALTH' });
    const e = evaluate(corps, Y, [publicOnline(), act('healthCredits', Y, { credits: 25, approved: true })], { profile: health });
    expect(e.complete).toBe(true);
    const engineer = evaluate(corps, Y, [publicOnline(), act('healthCredits', Y, { credits: 25, approved: true })]);
    expect(engineer.complete).toBe(false);
  });

  it('Corps: holders of a 2018 CE certificate are exempt in 2020; 2017 holders are not', () => {
    expect(evaluate(corps, 2020, [act('certificate2018', 2020, { certificateYear: 2018, certificateNo: 'x' })]).complete).toBe(true);
    expect(evaluate(corps, 2020, [act('certificate2018', 2020, { certificateYear: 2017, certificateNo: 'x' })]).complete).toBe(false);
    expect(evaluate(corps, 2021, [act('certificate2018', 2021, { certificateYear: 2018, certificateNo: 'x' })]).complete).toBe(false);
  });

  it('Corps: staff of private enterprises have no requirement yet: neither complete nor short, and the explanation says so', () => {
    const e = evaluate(corps, Y, [], { profile: profile({ employerType: 'PRIVATE_ENTERPRISE' }) });
    expect(e.noRequirement?.reason).toContain('民营企业');
    expect(e.complete).toBe(false);
    expect([e.subjects.PUBLIC.shortfall, e.subjects.PROFESSIONAL.shortfall]).toEqual([0, 0]);
    expect(e.reasons.join('')).toContain('无继续教育要求');
    expect(e.reasons.join('')).not.toContain('尚缺');
    const publicSector = evaluate(corps, Y, [], { profile: profile({ employerType: 'PUBLIC_INSTITUTION' }) });
    expect(publicSector.noRequirement).toBeUndefined();
    expect(publicSector.subjects.PROFESSIONAL.shortfall).toBe(60);
  });

  it('Corps: assessment-recognition applicants need only that year’s public online courses', () => {
    const e = evaluate(corps, Y, [publicOnline()], { profile: profile({ flags: ['ASSESSMENT_RECOGNITION'] }) });
    expect(e.complete).toBe(true);
    expect(evaluate(corps, Y, [], { profile: profile({ flags: ['ASSESSMENT_RECOGNITION'] }) }).complete).toBe(false);
  });

  it('Corps: 30 public + 60 professional online hours by Dec 31 complete the year', () => {
    const prof = act('professionalOnline', Y, { hours: 60 }, { date: '2021-11-02' });
    expect(evaluate(corps, Y, [publicOnline(), prof]).complete).toBe(true);
  });

  it('Corps: with the June 30 title deadline, hours dated after it do not count', () => {
    const prof = act('professionalOnline', Y, { hours: 60 }, { date: '2021-07-01' });
    const e = evaluate(corps, Y, [publicOnline(), prof], { deadline: '2021-06-30' });
    expect(total(e, prof)).toBe(0);
    expect(earned(e, prof).notes[0]).toContain('晚于截止日期');
  });
});
