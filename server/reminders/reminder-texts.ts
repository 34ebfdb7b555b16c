// The words of a reminder, in Chinese: the in-app notification and the e-mail say the same.
// They are made from what the ledger keeps (so that a retried e-mail says what the first
// attempt said) and name no ID number: an e-mail leaves the platform.
import { daysBetween } from './reminder-days';

export type DeadlineKind = 'YEAR' | 'TITLE';

export interface PersonFacts {
  name: string;
  year: number;
  deadline: string;
  deadlineKind: DeadlineKind;
  /** the day the reminder was made */
  remindedOn: string;
  publicShortfall: number;
  professionalShortfall: number;
}

export interface Text {
  title: string;
  body: string;
}

const DEADLINE_NAMES: Record<DeadlineKind, string> = { YEAR: '年度学时截止日', TITLE: '职称申报的学时截止日' };

const FOOTER = '\n\n此邮件由继续教育平台自动发送，请勿回复。不想再收到邮件提醒的，可登录平台，在“通知”页关闭邮件提醒。';

function hours(n: number): string {
  return `${Number(n.toFixed(1))} 学时`;
}

/** What is missing: both subjects, or the one that is short. */
export function missingText(publicShortfall: number, professionalShortfall: number): string {
  const parts: string[] = [];
  if (publicShortfall > 0) parts.push(`公需科目还差 ${hours(publicShortfall)}`);
  if (professionalShortfall > 0) parts.push(`专业科目还差 ${hours(professionalShortfall)}`);
  return parts.join('，') || '尚未完成';
}

export function personText(f: PersonFacts): Text {
  const left = daysBetween(f.remindedOn, f.deadline);
  return {
    title: `继续教育学时提醒：距${DEADLINE_NAMES[f.deadlineKind]}还有 ${left} 天`,
    body:
      `${f.name}：您 ${f.year} 年度的继续教育学时尚未完成，${missingText(f.publicShortfall, f.professionalShortfall)}。` +
      `请在 ${f.deadline}（${DEADLINE_NAMES[f.deadlineKind]}）以前完成。`,
  };
}

export interface DigestLine {
  name: string;
  deadline: string;
  deadlineKind: DeadlineKind;
  publicShortfall: number;
  professionalShortfall: number;
}

/** A unit official's digest: the people of their unit reminded that day (`lines` may be the first part of `total`). */
export function digestText(unitName: string, remindedOn: string, total: number, lines: readonly DigestLine[]): Text {
  const listed = lines.map((l) => `· ${l.name}：${missingText(l.publicShortfall, l.professionalShortfall)}，截止 ${l.deadline}${l.deadlineKind === 'TITLE' ? '（职称申报）' : ''}`);
  const more = total > lines.length ? `\n……另有 ${total - lines.length} 人，请登录平台在“缺学时人员”中查看。` : '';
  return {
    title: `本单位 ${total} 人继续教育学时未完成`,
    body: `${unitName}：截至 ${remindedOn}，以下 ${total} 名专业技术人员的继续教育学时尚未完成，已各自收到提醒。请督促他们按时完成。\n${listed.join('\n')}${more}`,
  };
}

/** The e-mail of a notification: its title and words, and how to stop such e-mails. */
export function mailOf(text: Text): { subject: string; text: string } {
  return { subject: text.title, text: text.body + FOOTER };
}
