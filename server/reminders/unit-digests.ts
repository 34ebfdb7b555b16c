// Unit officials' digests: after a run has reminded the people of a tenant, each unit official
// of a unit with people reminded that day gets one notification (and one e-mail) listing them,
// instead of a mail per person. The digest row and its notification are written in one
// transaction; the row's key (tenant, day, official) makes it one a day whatever runs twice.
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import type { Queryable } from '../platform/sql';
import { deliver } from './reminder-mailing';
import type { NotificationsRepository } from './notifications.repository';
import { type DigestRecipient, type ReminderDigestsRepository } from './reminder-digests.repository';
import { MAIL_ATTEMPTS } from './reminder-ledger.repository';
import { digestText, mailOf, type Text } from './reminder-texts';

/** Officials handled per transaction. */
const BATCH = 200;
/** People listed in one digest (the rest are counted). */
const LISTED = 100;

/** Runs `work` in one transaction of the tenant, as the reminder job. */
export type InTenant = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

export class UnitDigests {
  constructor(
    private readonly repo: ReminderDigestsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer | null,
  ) {}

  /** Makes the day's digests that do not exist yet; answers how many this call made and mailed. */
  async make(tenantId: string, day: string, inTenant: InTenant, log: Logger): Promise<{ made: number; mailed: number; failed: number }> {
    let after: string | null = null;
    const total = { made: 0, mailed: 0, failed: 0 };
    for (;;) {
      const batch = await inTenant(async (db) => {
        const recipients = await this.repo.recipients(db, tenantId, day, after, BATCH);
        if (recipients.length === 0) return null;
        const people = await this.repo.people(db, tenantId, day, [...new Set(recipients.map((r) => r.unitId))], LISTED);
        const wanted = recipients.flatMap((recipient) => {
          const unit = people.get(recipient.unitId);
          return unit ? [{ recipient, people: unit.total, text: digestText(recipient.unitName, day, unit.total, unit.lines) }] : [];
        });
        const claimed = await this.repo.insert(db, tenantId, day, wanted, this.mailer !== null);
        const made = new Set(claimed.map((c) => c.accountId));
        const texts = new Map(wanted.map((w) => [w.recipient.accountId, w]));
        await this.notifications.insertMany(
          db,
          tenantId,
          wanted.filter((w) => made.has(w.recipient.accountId)).map((w) => ({ accountId: w.recipient.accountId, kind: 'UNIT_DIGEST', ...w.text, data: { remindedOn: day, people: w.people } })),
        );
        const mails = claimed.filter((c) => c.mailState === 'PENDING' && c.email).map((c) => ({ key: c.accountId, to: c.email!, text: texts.get(c.accountId)!.text }));
        return { last: recipients[recipients.length - 1]!.accountId, made: made.size, mails, full: recipients.length === BATCH };
      });
      if (!batch) break;
      total.made += batch.made;
      const result = await this.send(tenantId, day, batch.mails, inTenant, log);
      total.mailed += result.mailed;
      total.failed += result.failed;
      if (!batch.full) break;
      after = batch.last;
    }
    return total;
  }

  /** Sends again the digests whose e-mail failed before (claimed, so that two runs do not both send one). */
  async retry(tenantId: string, inTenant: InTenant, log: Logger): Promise<{ mailed: number; failed: number }> {
    if (!this.mailer) return { mailed: 0, failed: 0 };
    const claimed = await inTenant(async (db) => {
      const rows = await this.repo.claimRetries(db, tenantId, BATCH);
      const byDay = new Map<string, (DigestRecipient & { remindedOn: string })[]>();
      for (const r of rows) byDay.set(r.remindedOn, [...(byDay.get(r.remindedOn) ?? []), r]);
      const out: { day: string; mails: { key: string; to: string; text: Text }[]; skipped: string[] }[] = [];
      for (const [day, list] of byDay) {
        const people = await this.repo.people(db, tenantId, day, [...new Set(list.map((r) => r.unitId))], LISTED);
        const mails = list.flatMap((r) => {
          const unit = people.get(r.unitId);
          return r.email && !r.emailOptOut && unit ? [{ key: r.accountId, to: r.email, text: digestText(r.unitName, day, unit.total, unit.lines) }] : [];
        });
        const mailed = new Set(mails.map((m) => m.key));
        out.push({ day, mails, skipped: list.filter((r) => !mailed.has(r.accountId)).map((r) => r.accountId) });
      }
      return out;
    });
    const total = { mailed: 0, failed: 0 };
    for (const { day, mails, skipped } of claimed) {
      await inTenant((db) => this.repo.recordMail(db, tenantId, day, skipped.map((accountId) => ({ accountId, outcome: 'SKIPPED' })), MAIL_ATTEMPTS));
      const result = await this.send(tenantId, day, mails, inTenant, log);
      total.mailed += result.mailed;
      total.failed += result.failed;
    }
    return total;
  }

  private async send(tenantId: string, day: string, mails: readonly { key: string; to: string; text: Text }[], inTenant: InTenant, log: Logger) {
    const { sent, failed } = await deliver(this.mailer, mails.map((m) => ({ key: m.key, message: { to: m.to, ...mailOf(m.text) } })), log);
    const outcomes = [...sent.map((accountId) => ({ accountId, outcome: 'SENT' as const })), ...failed.map((accountId) => ({ accountId, outcome: 'FAILED' as const }))];
    await inTenant((db) => this.repo.recordMail(db, tenantId, day, outcomes, MAIL_ATTEMPTS));
    return { mailed: sent.length, failed: failed.length };
  }
}
