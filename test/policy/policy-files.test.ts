// Every tenant file validates; each broken fixture fails naming file, path and expectation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllPolicies, loadPolicyFile, parsePolicy, PolicyError, type PolicyIssue } from '../../server/policy';

const tenantsDir = join(__dirname, '../../tenants');
const fixture = (name: string) => join(__dirname, 'fixtures', `${name}.yaml`);

function issuesOf(name: string): { error: PolicyError; issues: PolicyIssue[] } {
  try {
    loadPolicyFile(fixture(name));
  } catch (err) {
    if (err instanceof PolicyError) return { error: err, issues: err.issues };
    throw err;
  }
  throw new Error(`${name} loaded without error`);
}

describe('tenant policy files', () => {
  const policies = loadAllPolicies(tenantsDir);

  it('all five tenants load and validate, with their Chinese names', () => {
    const names = Object.fromEntries([...policies].map(([code, p]) => [code, p.name]));
    expect(names).toEqual({ bingtuan: '新疆生产建设兵团', binzhou: '滨州市', jining: '济宁市', linyi: '临沂市', qingdao: '青岛市' });
  });

  it.each(['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'])('%s: every rule cites a seed document listed in the file', (code) => {
    const policy = policies.get(code)!;
    const cited = JSON.stringify(policy).match(/"source":"\d{3} /g) ?? [];
    expect(cited.length).toBeGreaterThan(5);
    for (const c of cited) expect(Object.keys(policy.sources)).toContain(c.slice(10, 13));
    // a seed section, or the platform's own rule (listed as the `platform` source) where no seed of the tenant has one
    for (const v of policy.versions) for (const k of Object.values(v.kinds)) expect(k.source).toMatch(/^(\d{3}|platform) /);
    if (JSON.stringify(policy).includes('"source":"platform ')) expect(Object.keys(policy.sources)).toContain('platform');
  });

  it('Binzhou: two versions, credits from 2017 and hours from 2020; Jining switches rule in 2020', () => {
    expect(policies.get('binzhou')!.versions.map((v) => [v.fromYear, v.regime])).toEqual([
      [2017, 'CREDITS'],
      [2020, 'HOURS'],
    ]);
    expect(policies.get('jining')!.versions.map((v) => [v.fromYear, v.titleYearRule.type])).toEqual([
      [2016, 'AVERAGE'],
      [2020, 'EACH_YEAR'],
    ]);
  });

  it('the minimal fixture is valid (so each broken one fails for its one fault)', () => {
    expect(loadPolicyFile(fixture('minimal-valid')).code).toBe('minimal-valid');
  });
});

describe('broken policy files', () => {
  it('an unknown key is rejected', () => {
    const { error, issues } = issuesOf('unknown-key');
    expect(issues).toEqual([{ path: 'versions[0].kinds.publicCourse.caps', message: expect.stringContaining('未知的键：“perYaer”') }]);
    expect(error.message).toContain(`${fixture('unknown-key')}: versions[0].kinds.publicCourse.caps: 未知的键`);
  });

  it('a wrong type is rejected with the expected type', () => {
    const { issues } = issuesOf('wrong-type');
    expect(issues).toEqual([{ path: 'versions[0].kinds.publicCourse.rule.hours', message: '类型错误，应为数字，实际为文字' }]);
  });

  it('a negative cap is rejected', () => {
    const { issues } = issuesOf('negative-cap');
    expect(issues).toEqual([{ path: 'versions[0].kinds.publicCourse.caps.perYear', message: '不能为负数' }]);
  });

  it('a lookup table with a missing cell is rejected at that cell', () => {
    const { error, issues } = issuesOf('missing-cell');
    expect(issues).toEqual([{ path: 'versions[0].kinds.award.rule.table.cells.provincial.second', message: expect.stringContaining('缺少表格单元格') }]);
    expect(error.file).toBe(fixture('missing-cell'));
  });

  it('an unknown rule type lists the rule vocabulary', () => {
    const { issues } = issuesOf('unknown-rule');
    expect(issues[0]?.path).toBe('versions[0].kinds.publicCourse.rule.type');
    expect(issues[0]?.message).toContain('fixed、actualHours、lookup、table');
  });

  it('a rule that refers to an undeclared parameter is rejected', () => {
    const { issues } = issuesOf('undeclared-param');
    expect(issues).toEqual([{ path: 'versions[0].kinds.award.rule.column.param', message: '引用了未声明的参数“prize”，应在 params 中声明' }]);
  });

  it('a source that does not cite a seed document is rejected', () => {
    const { issues } = issuesOf('bad-source');
    expect(issues).toEqual([{ path: 'versions[0].kinds.publicCourse.source', message: expect.stringContaining('出处应以 sources 中列出的文件代码开头') }]);
  });

  it('a YAML syntax error names the line', () => {
    const { issues } = issuesOf('yaml-syntax');
    expect(issues[0]?.path).toMatch(/^第\d+行第\d+列$/);
    expect(issues[0]?.message).toContain('YAML 语法错误');
  });

  it('the tenant code must match the file name', () => {
    const valid = readFileSync(fixture('minimal-valid'), 'utf8');
    expect(() => parsePolicy(valid, 'tenants/linyi.yaml')).toThrow('code: 租户代码“minimal-valid”应与文件名一致，应为“linyi”');
  });
});
