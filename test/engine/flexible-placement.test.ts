// Binzhou's conversions count as public or professional hours (FLEXIBLE, within the group
// cap of 5 public + 30 professional a year, 004 二、(二)): each says where its hours went and why.
import { placementText } from '../../server/engine/flexible-placement';
import { act, earned, evaluate, tenant } from './support/engine.factory';

const binzhou = tenant('binzhou');
const Y = 2021;
const publicCourse = (hours: number) => act('publicCourse', Y, { hours }, { date: `${Y}-01-10` });
/** A provincial 2nd prize (rank 1): 30 hours. */
const award = (date: string) => act('award', Y, { title: '科技进步奖', level: 'provincial', grade: 'second', rank: 1 }, { date });
/** A national paper, sole author: 15 hours. */
const paper = (date: string) => act('paper', Y, { title: '论文', level: 'national', chars: 3000, authorCount: 1, authorPosition: 1 }, { date });

describe('flexible hours, explained', () => {
  it('Binzhou: public short by 5 → 5 hours close the public gap, the other 25 go to professional', () => {
    const a = award(`${Y}-03-01`);
    const r = earned(evaluate(binzhou, Y, [publicCourse(25), a]), a);
    expect(r.hoursEarned).toEqual({ PUBLIC: 5, PROFESSIONAL: 25 });
    expect(r.notes).toEqual(['计入公需科目5学时（补足公需科目缺口），其余25学时计入专业科目']);
  });

  it('Binzhou: public already met → all to professional, and it says so', () => {
    const a = award(`${Y}-03-01`);
    const r = earned(evaluate(binzhou, Y, [publicCourse(30), a]), a);
    expect(r.hoursEarned).toEqual({ PUBLIC: 0, PROFESSIONAL: 30 });
    expect(r.notes).toEqual(['公需科目已无缺口，30学时计入专业科目']);
  });

  it('Binzhou: public short by 30 but conversions offset at most 5 public → 5 public, the rest professional, the reason given', () => {
    const a = award(`${Y}-03-01`);
    const r = earned(evaluate(binzhou, Y, [a]), a);
    expect(r.hoursEarned).toEqual({ PUBLIC: 5, PROFESSIONAL: 25 });
    expect(r.notes).toEqual(['计入公需科目5学时（公需科目尚有缺口，但可抵公需科目的额度已用完），其余25学时计入专业科目']);
  });

  it('Binzhou: a second conversion is cut by the group cap, and its note and cappedBy say how much', () => {
    const first = award(`${Y}-03-01`);
    const second = paper(`${Y}-05-01`);
    const e = evaluate(binzhou, Y, [publicCourse(25), first, second]);
    const r = earned(e, second);
    expect(r.hoursEarned).toEqual({ PUBLIC: 0, PROFESSIONAL: 5 });
    expect(r.notes).toEqual(['公需科目已无缺口，5学时计入专业科目，超出合计可抵上限的10学时不计入']);
    expect(r.cappedBy).toEqual([{ cap: expect.stringContaining('合计可抵公需科目不超过5学时、专业科目不超过30学时'), cut: 10 }]);
  });

  it('Binzhou: once the professional room is used, the rest goes to the public room left', () => {
    const first = award(`${Y}-03-01`);
    const second = paper(`${Y}-05-01`);
    const r = earned(evaluate(binzhou, Y, [publicCourse(30), first, second]), second);
    expect(r.hoursEarned).toEqual({ PUBLIC: 5, PROFESSIONAL: 0 });
    expect(r.notes).toEqual(['可抵专业科目的额度已用完，5学时计入公需科目，超出合计可抵上限的10学时不计入']);
  });

  it('texts follow each placement’s own numbers (memoised texts never leak between evaluations)', () => {
    expect(placementText({ first: 3, professional: 0, again: 0, cut: 0, shortPublic: 30 }, '学时')).toBe('全部3学时计入公需科目（公需科目尚缺30学时）');
    expect(placementText({ first: 3, professional: 0, again: 0, cut: 0, shortPublic: 3 }, '学时')).toBe('计入公需科目3学时（补足公需科目缺口）');
    expect(placementText({ first: 2.5, professional: 12, again: 0, cut: 0, shortPublic: 2.5 }, '学时')).toBe('计入公需科目2.5学时（补足公需科目缺口），其余12学时计入专业科目');
    expect(placementText({ first: 0, professional: 0, again: 0, cut: 7, shortPublic: 0 }, '学时')).toBe('合计可抵额度已用完，7学时不计入');
    expect(placementText({ first: 0, professional: 0, again: 0, cut: 0, shortPublic: 9 }, '学时')).toBe('');
  });
});
