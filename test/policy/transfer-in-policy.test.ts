// The `transferIn:` section of the policy files (issue 15): whether years another tenant of the
// platform certified, moved here with a person, count as they were certified (ACCEPT) or once an
// official here has accepted each (REVIEW). Linyi's document has transferred-in hours reviewed
// and confirmed (000 八、4); Binzhou reviews every year's hours level by level before it certifies
// (004 三、(四)); the other three are product decisions (tenants/README.md §2.8).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllPolicies, parsePolicy, PolicyError } from '../../server/policy';

const tenantsDir = join(__dirname, '../../tenants');
const policies = loadAllPolicies(tenantsDir);

function issues(edit: (yaml: string) => string): string[] {
  try {
    parsePolicy(edit(readFileSync(join(tenantsDir, 'qingdao.yaml'), 'utf8')), 'qingdao.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

describe('transferIn in the policy files', () => {
  it('Linyi and Binzhou review moved years before they count; Qingdao, Jining and the Corps accept them as certified', () => {
    const of = (code: string) => {
      const t = policies.get(code)!.transferIn!;
      return [t.certifiedYears, t.source.split(' ')[0]];
    };
    expect(of('linyi')).toEqual(['REVIEW', '000']);
    expect(of('binzhou')).toEqual(['REVIEW', '004']);
    expect(of('qingdao')).toEqual(['ACCEPT', 'platform']);
    expect(of('jining')).toEqual(['ACCEPT', 'platform']);
    expect(of('bingtuan')).toEqual(['ACCEPT', 'platform']);
  });

  it('an unknown mode, a misspelt key or a citation of an unlisted document is refused at its path; the section may be left out', () => {
    const section = /^transferIn: .*$/m;
    expect(issues((y) => y.replace(section, 'transferIn: { certifiedYears: TRUST, source: "001 四、" }'))).toEqual([
      expect.stringMatching(/^transferIn\.certifiedYears: 应为 ACCEPT/),
    ]);
    expect(issues((y) => y.replace(section, 'transferIn: { certifiedYears: ACCEPT, source: "001 四、", years: 5 }'))).toEqual([expect.stringMatching(/^transferIn: .*years/)]);
    expect(issues((y) => y.replace(section, 'transferIn: { certifiedYears: ACCEPT, source: "009 一、" }'))).toEqual([
      expect.stringMatching(/^transferIn\.source: .*“009”未列出/),
    ]);
    expect(issues((y) => y.replace(section, ''))).toEqual([]);
  });
});
