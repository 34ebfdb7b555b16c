// Sources are records (number, title, issuer, date) under keys the bureau chooses; every
// citation names a listed key, then the section.
import { join } from 'node:path';
import { loadAllPolicies, parsePolicy } from '../../server/policy';
import { withSourceRecords } from '../../server/policy/policy-sources';
import { issuesOf, variant } from './support/policy-variants';

const SOURCES = 'sources: { "004": { title: 测试文件 } }';

describe('policy sources', () => {
  const policies = loadAllPolicies(join(__dirname, '../../tenants'));

  it('the five tenants list their documents as records, with the seeds’ own numbers where they have one', () => {
    expect(policies.get('qingdao')!.sources['001']).toEqual({
      number: '青人社字〔2023〕14号',
      title: '关于做好专业技术人员继续教育工作有关问题的通知',
      issuer: '青岛市人力资源和社会保障局',
      date: '2023-02-20',
    });
    expect(policies.get('binzhou')!.sources['004']).toMatchObject({ number: '滨人社信函〔2021〕7号', date: '2021-03-18' });
    for (const [code, key] of [['linyi', '000'], ['jining', '002'], ['bingtuan', '003']] as const) {
      expect(policies.get(code)!.sources[key]).toMatchObject({ title: expect.any(String) });
      expect(policies.get(code)!.sources[key]?.number).toBeUndefined();
    }
  });

  it('a key is any short name the bureau chooses: a new document qd2026-1 (青人社字〔2026〕1号) can be listed and cited', () => {
    const text = variant(SOURCES, 'sources: { "004": { title: 测试文件 }, qd2026-1: { number: 青人社字〔2026〕1号, title: 新通知, date: "2026-01-05" } }').replace(
      'source: "004 二、(一)"',
      'source: "qd2026-1 二、"',
    );
    const policy = parsePolicy(text, 'minimal-valid.yaml');
    expect(policy.versions[0]?.kinds.publicCourse?.source).toBe('qd2026-1 二、');
    expect(policy.sources['qd2026-1']).toEqual({ number: '青人社字〔2026〕1号', title: '新通知', date: '2026-01-05' });
  });

  it('a document number may itself be the key (临人社字〔2026〕1号)', () => {
    const text = variant(SOURCES, 'sources: { "004": { title: 测试文件 }, 临人社字〔2026〕1号: { title: 通知 } }').replace('source: "004 二、(一)"', 'source: "临人社字〔2026〕1号 一、"');
    expect(parsePolicy(text, 'minimal-valid.yaml').versions[0]?.kinds.publicCourse?.source).toBe('临人社字〔2026〕1号 一、');
  });

  it('a citation whose key is not listed is refused at its path, with the keys that are', () => {
    const issues = issuesOf(variant('source: "004 二、(一)"', 'source: "临人社字〔2026〕1号 一、"'));
    expect(issues).toEqual([{ path: 'versions[0].kinds.publicCourse.source', message: expect.stringContaining('“临人社字〔2026〕1号”未列出；已列出：004') }]);
  });

  it('a citation anywhere is checked: the yearly deadline, the title windows, caps groups…', () => {
    expect(issuesOf(variant('deadline: { monthDay: "12-31", source: "004 三、(一)" }', 'deadline: { monthDay: "12-31", source: "005 三、(一)" }'))).toEqual([
      { path: 'deadline.source', message: expect.stringContaining('“005”未列出') },
    ]);
    expect(issuesOf(variant('source: "004 测试"', 'source: "x 测试"'))[0]?.path).toBe('title.windows[0].source');
  });

  it('a source record needs a title; its date is a real date (YYYY-MM-DD, YYYY-MM or YYYY)', () => {
    expect(issuesOf(variant(SOURCES, 'sources: { "004": { number: 滨人社信函〔2021〕7号 } }'))).toEqual([
      { path: 'sources.004.title', message: expect.stringContaining('缺少必填项') },
    ]);
    expect(issuesOf(variant(SOURCES, 'sources: { "004": { title: t, date: "2023-02-30" } }'))).toEqual([{ path: 'sources.004.date', message: expect.stringContaining('应为日期') }]);
    expect(parsePolicy(variant(SOURCES, 'sources: { "004": { title: t, date: "2018" } }'), 'minimal-valid.yaml').sources['004']?.date).toBe('2018');
    expect(issuesOf(variant(SOURCES, 'sources: { "004": { title: t, year: 2018 } }'))[0]?.message).toContain('未知的键：“year”');
  });

  it('a key with a space, or named like an object built-in, is refused', () => {
    expect(issuesOf(variant(SOURCES, 'sources: { "004": { title: t }, "a b": { title: t } }'))).toEqual([{ path: 'sources.a b', message: expect.stringContaining('文件代码') }]);
    expect(issuesOf(variant(SOURCES, 'sources: { "004": { title: t }, constructor: { title: t } }'))).toEqual([
      { path: 'sources.constructor', message: expect.stringContaining('不能使用保留名称“constructor”') },
    ]);
  });

  it('a revision stored before sources were records reads as records (issuer, title, number from the text)', () => {
    const qingdao = policies.get('qingdao')!;
    const legacy = { ...qingdao, sources: { '001': '青岛市人力资源和社会保障局《关于做好专业技术人员继续教育工作有关问题的通知》（青人社字〔2023〕14号）' } };
    expect(withSourceRecords(legacy as never).sources['001']).toEqual({
      issuer: '青岛市人力资源和社会保障局',
      title: '关于做好专业技术人员继续教育工作有关问题的通知',
      number: '青人社字〔2023〕14号',
    });
    const qa = { ...qingdao, sources: { '000': '临沂市人力资源和社会保障局《继续教育政策问答》（2018年）', x: '某文件' } };
    expect(withSourceRecords(qa as never).sources).toEqual({ '000': { issuer: '临沂市人力资源和社会保障局', title: '继续教育政策问答' }, x: { title: '某文件' } });
    expect(withSourceRecords(qingdao)).toBe(qingdao);
  });
});
