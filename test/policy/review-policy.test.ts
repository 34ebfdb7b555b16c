// The `review:` section of a policy file (issue 11): the levels of the chain from the unit up
// and the sector routes, as data, checked like the rest of the file; and the chain it gives
// along an organisation tree (server/declarations/review-chain.ts, pure).
import { join } from 'node:path';
import type { PolicyDocument } from '../../server/engine';
import { loadAllPolicies } from '../../server/policy';
import { validatePolicy } from '../../server/policy/policy-validation';
import { ancestorPaths, entryForOfficial, planChain, type TreeNode } from '../../server/declarations/review-chain';

const policies = loadAllPolicies(join(__dirname, '../../tenants'));
const policy = (code: string): PolicyDocument => policies.get(code)!;

/** The policy with its review section replaced; the validation issues as "path: message". */
function issuesWith(code: string, review: unknown): string[] {
  const result = validatePolicy({ ...policy(code), review });
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('review sections of the five launch tenants', () => {
  it('each tenant names its levels from the unit up, with a citation', () => {
    const levels = Object.fromEntries(['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'].map((c) => [c, policy(c).review?.levels]));
    expect(levels).toEqual({
      linyi: ['UNIT', 'DEPARTMENT'],
      qingdao: ['UNIT', 'DEPARTMENT', 'BUREAU'],
      jining: ['UNIT', 'DEPARTMENT', 'BUREAU'],
      binzhou: ['UNIT', 'DEPARTMENT', 'BUREAU'],
      bingtuan: ['UNIT', 'DEPARTMENT', 'BUREAU'],
    });
  });

  it('Qingdao routes the health, school-teacher and accounting series to their sector bodies, and people without an employer to the title office (001 五、)', () => {
    expect(policy('qingdao').review?.routes?.map((r) => [r.when.series ?? r.when.employerTypes, r.department.code])).toEqual([
      [['HEALTH'], 'qd-health'],
      [['SCHOOL_TEACHING'], 'qd-education'],
      [['ACCOUNTING'], 'qd-finance'],
      [['NO_EMPLOYER'], 'qd-title'],
    ]);
  });
});

describe('a review section is checked like the rest of the file', () => {
  const source = '002 四、(四)';
  it.each([
    ['levels out of order', 'review.levels', { levels: ['BUREAU', 'UNIT'], source }],
    ['a level repeated', 'review.levels', { levels: ['UNIT', 'UNIT'], source }],
    ['an unknown level', 'review.levels.1', { levels: ['UNIT', 'PROVINCE'], source }],
    ['no levels', 'review.levels', { levels: [], source }],
    ['a route without a department level', 'review.routes', { levels: ['UNIT', 'BUREAU'], source, routes: [{ when: { series: ['HEALTH'] }, department: { code: 'x' }, source }] }],
    ['a route with an empty condition', 'review.routes.0.when', { levels: ['UNIT', 'DEPARTMENT'], source, routes: [{ when: {}, department: { code: 'x' }, source }] }],
    ['a route naming a kind the policy lacks', 'review.routes.0.when.kinds.0', { levels: ['UNIT', 'DEPARTMENT'], source, routes: [{ when: { kinds: ['spaceTravel'] }, department: { code: 'x' }, source }] }],
    ['an organisation code with spaces', 'review.routes.0.department.code', { levels: ['UNIT', 'DEPARTMENT'], source, routes: [{ when: { series: ['HEALTH'] }, department: { code: 'a b' }, source }] }],
    ['a citation of an unlisted document', 'review.source', { levels: ['UNIT'], source: '999 一、' }],
    ['a misspelt key', 'review', { levels: ['UNIT'], source, route: [] }],
  ])('%s is refused at %s', (_what, path, review) => {
    const issues = issuesWith('jining', review);
    expect(issues.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });

  it('a section without routes, and no section at all, are valid', () => {
    expect(issuesWith('jining', { levels: ['UNIT', 'BUREAU'], source: '002 四、(四)' })).toEqual([]);
    const { review: _none, ...withoutReview } = policy('jining');
    expect(validatePolicy(withoutReview).ok).toBe(true);
  });
});

describe('the chain along the organisation tree', () => {
  const node = (path: string, kind: TreeNode['kind'], code: string | null = null, employerType: TreeNode['employerType'] = null): TreeNode => ({
    id: `n${path}`,
    kind,
    code,
    name: `机构${path}`,
    path,
    employerType,
  });
  const bureau = node('/1/', 'BUREAU');
  const district = node('/1/2/', 'DEPARTMENT');
  const subDepartment = node('/1/2/3/', 'DEPARTMENT');
  const unitUnderSub = node('/1/2/3/4/', 'UNIT');
  const cityUnit = node('/1/5/', 'UNIT');
  const health = node('/1/6/', 'DEPARTMENT', 'qd-health');

  it('a unit and its ancestors are found by their paths', () => {
    expect(ancestorPaths('/1/2/3/4/')).toEqual(['/1/', '/1/2/', '/1/2/3/', '/1/2/3/4/']);
  });

  it('a unit directly under the bureau goes unit → bureau (the department level is skipped)', () => {
    expect(planChain(policy('jining'), [bureau, cityUnit], new Map(), 'ENGINEERING', 'contest')).toMatchObject({ UNIT: cityUnit.id, DEPARTMENT: null, BUREAU: bureau.id });
  });

  it('with nested departments, the nearest one above the unit reviews', () => {
    expect(planChain(policy('jining'), [bureau, district, subDepartment, unitUnderSub], new Map(), 'ENGINEERING', 'contest')).toMatchObject({ DEPARTMENT: subDepartment.id });
  });

  it('Qingdao: a health worker’s department step is the node with the route’s code; without it, the problem names the code', () => {
    const chain = planChain(policy('qingdao'), [bureau, district, subDepartment, unitUnderSub], new Map([['qd-health', health]]), 'HEALTH', 'studyTour');
    expect(chain).toMatchObject({ UNIT: unitUnderSub.id, DEPARTMENT: health.id, BUREAU: bureau.id });
    expect(planChain(policy('qingdao'), [bureau, cityUnit], new Map(), 'HEALTH', 'studyTour')).toMatchObject({ missingCode: 'qd-health' });
  });

  it('Qingdao: an engineer registered at a personnel agency (no employer) is reviewed by the title office; a health worker there by the health commission (the first route that applies)', () => {
    const agency = node('/1/2/9/', 'UNIT', null, 'NO_EMPLOYER');
    const titleOffice = node('/1/7/', 'DEPARTMENT', 'qd-title');
    const byCode = new Map([
      ['qd-health', health],
      ['qd-title', titleOffice],
    ]);
    const engineer = planChain(policy('qingdao'), [bureau, district, agency], byCode, 'ENGINEERING', 'studyTour');
    expect(engineer).toMatchObject({ UNIT: agency.id, DEPARTMENT: titleOffice.id, BUREAU: bureau.id });
    expect((engineer as { note: string }).note).toContain('无用人单位');
    expect(planChain(policy('qingdao'), [bureau, district, agency], byCode, 'HEALTH', 'studyTour')).toMatchObject({ DEPARTMENT: health.id });
    // the same engineer in an ordinary unit: the district
    expect(planChain(policy('qingdao'), [bureau, district, unitUnderSub], byCode, 'ENGINEERING', 'studyTour')).toMatchObject({ DEPARTMENT: district.id });
  });

  it('Linyi: the chain stops at the department; a bureau official files above it, a unit official at their own level', () => {
    const chain = planChain(policy('linyi'), [bureau, district, unitUnderSub], new Map(), 'HEALTH', 'publicCourse');
    expect(chain).toMatchObject({ UNIT: unitUnderSub.id, DEPARTMENT: district.id, BUREAU: null });
    if ('missingCode' in chain || 'empty' in chain) throw new Error('no chain');
    expect(entryForOfficial(chain, 'BUREAU', bureau.id)).toEqual({ ownStep: null, waitStep: 4 });
    expect(entryForOfficial(chain, 'UNIT', unitUnderSub.id)).toEqual({ ownStep: 1, waitStep: 2 });
    expect(entryForOfficial(chain, 'DEPARTMENT', district.id)).toEqual({ ownStep: 2, waitStep: 4 });
  });
});
