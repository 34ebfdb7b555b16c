// Explanations cite the documents a bureau can look up (number or title, and section),
// never the policy file's own keys for them.
import { checkTitleEligibility, citationText, evaluateYear, versionForYear, type PolicyDocument } from '../../server/engine';
import { act, earned, evaluate, profile, tenant } from './support/engine.factory';

const qingdao = tenant('qingdao');
const corps = tenant('bingtuan');
const binzhou = tenant('binzhou');

describe('citations in explanations', () => {
  it('Qingdao: an activity’s rule cites 青人社字〔2023〕14号 and the section, not the key “001”', () => {
    const a = act('jobTraining', 2023, { category: 'job', hours: 30, days: 3 });
    const source = earned(evaluate(qingdao, 2023, [a]), a).ruleApplied.source;
    expect(source).toMatch(/^青人社字〔2023〕14号 四、/);
    expect(source).not.toMatch(/^001/);
  });

  it('Corps: a document without a number is cited by its title (《…》第9问)', () => {
    const e = evaluate(corps, 2021, [act('fanghuiju', 2021, { dispatchProof: '名单' })]);
    expect(e.exemptions[0]?.source).toBe('《关于兵团专业技术人员继续教育若干问题解答》第9问 可以免当年度的继续教育');
    expect(e.reasons.join('\n')).not.toMatch(/（003 /);
  });

  it('Binzhou: caps, groups and credit windows cite 滨人社信函〔2021〕7号', () => {
    const credits = evaluate(binzhou, 2019, []);
    expect(credits.reasons.join('\n')).toContain('滨人社信函〔2021〕7号');
    expect(credits.credits?.windows[0]?.source).toMatch(/^滨人社信函〔2021〕7号 /);
    expect(JSON.stringify(credits)).not.toMatch(/"004 /);
  });

  it('title eligibility: the window and each year cite the document, not the key', () => {
    const r = checkTitleEligibility({ policy: qingdao, profile: profile(), activities: [], targetLevel: 'DEPUTY_SENIOR', applicationYear: 2023 });
    expect(r.reasons[0]).toContain('（青人社字〔2023〕14号 四、');
    expect(r.reasons.join('\n')).not.toMatch(/（001 /);
  });

  it('the policy as published keeps its keys (what the API shows and a bureau edits)', () => {
    expect(versionForYear(qingdao, 2023)?.kinds.jobTraining?.source).toMatch(/^001 /);
    expect(qingdao.versions[0]?.source).toMatch(/^001 /);
  });

  it('a citation of a whole document shows its title and number; an unlisted key shows as written', () => {
    const sources: PolicyDocument['sources'] = {
      'qd2026-1': { number: '青人社字〔2026〕1号', title: '关于调整继续教育学时折算标准的通知' },
      qa: { title: '继续教育政策问答' },
    };
    expect(citationText(sources, 'qd2026-1')).toBe('《关于调整继续教育学时折算标准的通知》（青人社字〔2026〕1号）');
    expect(citationText(sources, 'qd2026-1 二、(一)')).toBe('青人社字〔2026〕1号 二、(一)');
    expect(citationText(sources, 'qa 十一、')).toBe('《继续教育政策问答》十一、');
    expect(citationText(sources, 'toString 一、')).toBe('toString 一、');
    expect(citationText(sources, '999 一、')).toBe('999 一、');
  });

  it('a revision citing a new document (qd2026-1) explains with that document’s number', () => {
    const revised: PolicyDocument = {
      ...qingdao,
      sources: { ...qingdao.sources, 'qd2026-1': { number: '青人社字〔2026〕1号', title: '关于调整学时折算标准的通知', issuer: '青岛市人力资源和社会保障局', date: '2026-01-05' } },
      versions: qingdao.versions.map((v) => ({ ...v, kinds: { ...v.kinds, studyTour: { ...v.kinds.studyTour!, source: 'qd2026-1 二、' } } })),
    };
    const a = act('studyTour', 2023, { title: '考察' });
    const e = evaluateYear({ policy: revised, profile: profile(), activities: [a], year: 2023 });
    expect(earned(e, a).ruleApplied.source).toBe('青人社字〔2026〕1号 二、');
  });
});
