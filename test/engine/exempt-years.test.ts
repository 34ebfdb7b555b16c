// A year that is exempt or deemed complete needs no hours: it reports no shortfall in
// either subject, and its explanation names the rule that exempts it, with no "尚缺" line.
import { checkTitleEligibility } from '../../server/engine';
import { act, evaluate, profile, tenant } from './support/engine.factory';

const corps = tenant('bingtuan');
const qingdao = tenant('qingdao');

describe('exempt and deemed-complete years', () => {
  it('Corps: a 访惠聚 year is complete with shortfall 0 in both subjects, exempt by 第9问, and no “尚缺” line', () => {
    const e = evaluate(corps, 2021, [act('fanghuiju', 2021, { dispatchProof: '名单' })]);
    expect(e.complete).toBe(true);
    expect(e.subjects.PUBLIC).toMatchObject({ required: 30, shortfall: 0, deemed: true });
    expect(e.subjects.PROFESSIONAL).toMatchObject({ required: 60, shortfall: 0, deemed: true });
    expect(e.deemedComplete).toMatchObject({ exempt: true, reason: expect.stringContaining('访惠聚') });
    expect(e.reasons).toEqual([
      '“访惠聚”驻村工作队员：免当年继续教育（《关于兵团专业技术人员继续教育若干问题解答》第9问 可以免当年度的继续教育），2021年度免于继续教育，公需科目和专业科目均不计缺口',
      '2021年度继续教育已完成',
    ]);
  });

  it('Corps: hours recorded in an exempt year stay credited, without a shortfall', () => {
    const e = evaluate(corps, 2021, [act('publicOnline', 2021, { classLevel: 'intermediate', hours: 10 }), act('secondedTeacher', 2021, { isSchoolManager: false, proof: 'p' })]);
    expect(e.subjects.PUBLIC).toMatchObject({ credited: 10, shortfall: 0 });
    expect(e.subjects.PROFESSIONAL.shortfall).toBe(0);
    expect(e.reasons.join('\n')).not.toContain('尚缺');
    expect(e.reasons[0]).toContain('内派教师');
  });

  it('Qingdao: COVID-19 front-line work deems the year complete (视同完成, not 免), shortfall 0', () => {
    const e = evaluate(qingdao, 2022, [act('covidFrontline', 2022, { proof: '青卫发〔2022〕1号' })]);
    expect(e.deemedComplete?.exempt).toBe(false);
    expect([e.subjects.PUBLIC.shortfall, e.subjects.PROFESSIONAL.shortfall]).toEqual([0, 0]);
    expect(e.reasons[0]).toContain('2022年度视同完成继续教育');
    expect(e.reasons.join('\n')).not.toContain('尚缺');
  });

  it('the same person without the exemption is short 30 + 60 hours (the exemption is what changes the answer)', () => {
    const e = evaluate(corps, 2021, [act('fanghuiju', 2021, {})]); // no dispatch proof: not exempt
    expect(e.complete).toBe(false);
    expect([e.subjects.PUBLIC.shortfall, e.subjects.PROFESSIONAL.shortfall]).toEqual([30, 60]);
  });

  it('Corps: a subject deemed complete names the rule that completes it, not “政策认定”', () => {
    const e = evaluate(corps, 2021, [act('faceToFace', 2021, { targetLevel: 'DEPUTY_SENIOR' })]);
    const line = e.reasons.find((r) => r.startsWith('专业科目'));
    expect(line).toContain('集中面授');
    expect(line).toContain('《关于兵团专业技术人员继续教育若干问题解答》第3问');
    expect(line).not.toContain('政策认定');
  });

  it('title eligibility: an exempt application year is COMPLETE and its reason has no “尚缺”', () => {
    const r = checkTitleEligibility({
      policy: corps,
      profile: profile(),
      activities: [act('fanghuiju', 2021, { dispatchProof: '名单' }, { date: '2021-03-01' })],
      targetLevel: 'DEPUTY_SENIOR',
      applicationYear: 2021,
    });
    expect(r.years[0]).toMatchObject({ year: 2021, status: 'COMPLETE' });
    expect(r.years[0]?.reason).toContain('免于继续教育');
    expect(r.years[0]?.reason).not.toContain('尚缺');
    expect(r.years[0]?.evaluation?.subjects.PUBLIC.shortfall).toBe(0);
  });
});
