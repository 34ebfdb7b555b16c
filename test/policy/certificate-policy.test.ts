// The `certificates:` section of the policy files (issue 13): which certificates a tenant
// issues. Jining prints one per year (002 四、(五)); Binzhou issues one covering the years the
// title panel requires, never one a year (004 三、(四)); the other three are product decisions
// read from their documents (tenants/README.md §2.7).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllPolicies, parsePolicy, PolicyError } from '../../server/policy';

const tenantsDir = join(__dirname, '../../tenants');
const policies = loadAllPolicies(tenantsDir);

function issues(edit: (yaml: string) => string): string[] {
  try {
    parsePolicy(edit(readFileSync(join(tenantsDir, 'jining.yaml'), 'utf8')), 'jining.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

describe('certificates in the policy files', () => {
  it('Jining issues a per-year hour certificate for any certified year; Binzhou one certificate per title window, for complete years only', () => {
    expect(policies.get('jining')!.certificates).toEqual({
      scope: 'YEAR',
      title: '济宁市专业技术人员继续教育学时证明',
      requireComplete: false,
      source: expect.stringMatching(/^002 四、\(五\)/),
    });
    expect(policies.get('binzhou')!.certificates).toEqual({
      scope: 'TITLE_WINDOW',
      title: '滨州市专业技术人员继续教育合格证',
      requireComplete: true,
      source: expect.stringMatching(/^004 三、\(四\)/),
    });
  });

  it('Linyi and Qingdao: per-year hour certificates; the Corps: per-year pass certificates (合格证书, complete years only)', () => {
    const of = (code: string) => {
      const c = policies.get(code)!.certificates!;
      return [c.scope, c.requireComplete, c.source.split(' ')[0]];
    };
    expect(of('linyi')).toEqual(['YEAR', false, '000']);
    expect(of('qingdao')).toEqual(['YEAR', false, '001']);
    expect(of('bingtuan')).toEqual(['YEAR', true, '003']);
  });

  it('an unknown scope, a misspelt key or a citation of an unlisted document is refused at its path', () => {
    const certificates = /^certificates: .*$/m;
    expect(issues((y) => y.replace(certificates, 'certificates: { scope: PER_DECADE, title: 证明, requireComplete: false, source: "002 四、(五)" }'))).toEqual([
      expect.stringMatching(/^certificates\.scope: 应为 YEAR/),
    ]);
    expect(issues((y) => y.replace(certificates, 'certificates: { scope: YEAR, title: 证明, requireComplete: false, source: "002 四、(五)", perYear: true }'))).toEqual([
      expect.stringMatching(/^certificates: .*perYear/),
    ]);
    expect(issues((y) => y.replace(certificates, 'certificates: { scope: YEAR, title: 证明, requireComplete: false, source: "009 一、" }'))).toEqual([
      expect.stringMatching(/^certificates\.source: .*“009”未列出/),
    ]);
    // the section may be left out (a per-year hour certificate, product decision)
    expect(issues((y) => y.replace(certificates, ''))).toEqual([]);
  });
});
