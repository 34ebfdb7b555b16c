// Deadline reminders (issue 13): on the days the policy names before each deadline, everyone
// still short of hours gets an in-app notification and, unless they opted out, an e-mail; unit
// officials get one digest of their unit. A run covers the days since the tenant's last run
// (so a missed day is caught up), finds the short people a batch at a time with the shortfall
// scan of hours/, and writes each batch's ledger rows and notifications in one transaction.
//
// Once per person per reminder day: the ledger's key (tenant, deadline, days before, person)
// and INSERT … ON CONFLICT DO NOTHING make it so whatever runs twice; only the rows a process
// inserted are mailed, by that process, after its commit. A failed send is retried by later
// runs; a process that dies between its commit and the SMTP server's answer leaves the row
// PENDING and it is not sent again: e-mail is at most once, the notification exactly once
// (docs/REMINDERS.md). A session advisory lock per tenant keeps two processes from doing the
// same run at once (the second skips it), which also keeps a digest from missing people that
// another process was still inserting.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { deadlineMonthDay, versionForYear } from '../engine';
import type { ShortfallService, TenantScan } from '../hours/shortfall.service';
import type { Shortfall } from '../hours/shortfall.types';
import type { Clock } from '../platform/clock';
import type { Context, Loaders } from '../platform/context';
import { AppError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import type { Queryable } from '../platform/sql';
import { inLazyTransaction } from '../platform/transaction';
import type { PolicyRevision } from '../policy/policy.repository';
import type { PoliciesService } from '../policy/policy.service';
import type { NotificationsRepository } from './notifications.repository';
import { addDays, crossedDay, deadlineWindows, runWindow, type RunWindow } from './reminder-days';
import { type ClaimedReminder, type MailOutcome, type PersonReminder, type ReminderLedgerRepository } from './reminder-ledger.repository';
import { deliver } from './reminder-mailing';
import { mailOf, personText } from './reminder-texts';
import type { RemindersRepository } from './reminders.repository';
import type { UnitDigests } from './unit-digests';

/** Candidates judged per transaction. */
const BATCH = 250;
/** Failed e-mails retried per run. */
const RETRIES = 500;

export interface RunSummary {
  tenantId: string;
  /** why nothing was reminded: another process holds the run, today was handled already, or the policy sets no reminders */
  skipped: 'BUSY' | 'DONE' | 'NO_REMINDERS' | null;
  reminded: number;
  digests: number;
  mailed: number;
  mailFailed: number;
}

export class RemindersService {
  constructor(
    private readonly runtime: DataSource,
    private readonly repo: RemindersRepository,
    private readonly ledger: ReminderLedgerRepository,
    private readonly notifications: NotificationsRepository,
    private readonly digests: UnitDigests,
    private readonly shortfalls: ShortfallService,
    private readonly policies: PoliciesService,
    private readonly mailer: Mailer | null,
    private readonly clock: Clock,
  ) {}

  /** Is e-mail configured on this server (SMTP_HOST)? */
  get emailEnabled(): boolean {
    return this.mailer !== null;
  }

  /** One run of every active tenant, one after the other (the scheduled job fans out per tenant instead); a tenant that fails does not stop the others. */
  async tick(log: Logger): Promise<RunSummary[]> {
    const out: RunSummary[] = [];
    for (const tenantId of await this.activeTenants()) {
      try {
        out.push(await this.runTenant(tenantId, log));
      } catch (error) {
        log.error({ err: error, tenantId }, 'deadline reminders run failed');
      }
    }
    return out;
  }

  activeTenants(): Promise<string[]> {
    return inLazyTransaction(this.runtime, { tenantId: null, operator: true }, async (tx) => this.repo.activeTenantIds(await tx.manager()));
  }

  /** One run of one tenant for today (the clock's): the reminders due since its last run, the digests, the e-mails to retry. */
  async runTenant(tenantId: string, log: Logger): Promise<RunSummary> {
    const today = this.clock.today();
    const summary: RunSummary = { tenantId, skipped: null, reminded: 0, digests: 0, mailed: 0, mailFailed: 0 };
    const lock = await this.repo.tryLock(this.runtime, tenantId);
    if (!lock) return { ...summary, skipped: 'BUSY' };
    try {
      // e-mails that failed in earlier runs first: one failing now waits for the next run
      const retried = await this.retryMail(tenantId, log);
      summary.mailed += retried.mailed;
      summary.mailFailed += retried.failed;
      const plan = await this.inTenant(tenantId, log, async (ctx) => {
        const through = await this.ledger.remindedThrough(await ctx.db(), tenantId);
        const window = runWindow(through, today);
        return window && { window, policy: await this.currentPolicy(ctx) };
      });
      if (plan?.policy?.document.reminders) {
        await this.remindDue(tenantId, plan.policy, plan.window, summary, log);
        const made = await this.digests.make(tenantId, today, (work) => this.inTenantDb(tenantId, log, work), log);
        summary.digests = made.made;
        summary.mailed += made.mailed;
        summary.mailFailed += made.failed;
      } else {
        summary.skipped = plan ? 'NO_REMINDERS' : 'DONE';
      }
      if (plan) await this.inTenantDb(tenantId, log, (db) => this.ledger.markRun(db, tenantId, today));
      log.info({ reminders: summary }, 'deadline reminders run');
      return summary;
    } finally {
      await lock.release();
    }
  }

  /**
   * Reminds these people (ledger rows and notifications in one transaction), then mails those this
   * call inserted. Answers the rows it inserted; a row that already existed is not reminded again.
   */
  async remind(tenantId: string, remindedOn: string, reminders: readonly PersonReminder[], log: Logger): Promise<{ inserted: ClaimedReminder[]; mailed: number; failed: number }> {
    const names = new Map(reminders.map((r) => [`${r.professionalId} ${r.deadline} ${r.daysBefore}`, r]));
    const { inserted, mails } = await this.inTenantDb(tenantId, log, async (db) => {
      const inserted = await this.ledger.insert(db, tenantId, remindedOn, reminders, this.mailer !== null);
      const texts = inserted.map((row) => {
        const r = names.get(`${row.professionalId} ${row.deadline} ${row.daysBefore}`)!;
        return { row, text: personText({ ...r, remindedOn }), r };
      });
      await this.notifications.insertMany(
        db,
        tenantId,
        texts
          .filter((t) => t.row.accountId)
          .map(({ row, text, r }) => ({ accountId: row.accountId!, kind: 'SHORTFALL_REMINDER', ...text, data: { year: r.year, deadline: r.deadline, daysBefore: r.daysBefore } })),
      );
      const mails = texts.filter((t) => t.row.mailState === 'PENDING' && t.row.email).map(({ row, text }) => ({ key: row, message: { to: row.email!, ...mailOf(text) } }));
      return { inserted, mails };
    });
    const sent = await this.sendAndRecord(tenantId, mails, log);
    return { inserted, ...sent };
  }

  /** The people short at the reminder days crossed in the window: the year's deadline, then title applicants' own. */
  private async remindDue(tenantId: string, policy: PolicyRevision, w: RunWindow, summary: RunSummary, log: Logger): Promise<void> {
    const doc = policy.document;
    const reminders = doc.reminders!;
    const year = Number(w.today.slice(0, 4));
    const yearDeadline = `${year}-${deadlineMonthDay(doc.deadline.monthDay, year)}`;
    const d = crossedDay(yearDeadline, reminders.daysBefore, w);
    if (d !== null) {
      const scan: TenantScan = { year, phase: 'OTHERS', deadlines: { after: addDays(yearDeadline, -1), through: yearDeadline }, today: w.today };
      await this.remindScan(tenantId, policy, scan, d, new Set(), summary, log);
    }
    const seen = new Set<string>();
    for (const window of deadlineWindows(reminders.titleDaysBefore ?? reminders.daysBefore, w)) {
      const scan: TenantScan = { year, phase: 'APPLICANTS', deadlines: { after: window.after, through: window.through }, today: w.today };
      await this.remindScan(tenantId, policy, scan, window.daysBefore, seen, summary, log);
    }
  }

  /** Scans one phase a batch at a time and reminds the short people found (skipping those in `seen`, then adding them). */
  private async remindScan(tenantId: string, policy: PolicyRevision, scan: TenantScan, daysBefore: number, seen: Set<string>, summary: RunSummary, log: Logger) {
    if (!versionForYear(policy.document, scan.year)) return;
    let after: [string, string] | null = null;
    do {
      const position: [string, string] | null = after;
      const found: { short: Shortfall[]; next: [string, string] | null } = await this.inTenant(tenantId, log, (ctx) => this.shortfalls.scanTenant(ctx, policy, scan, position, BATCH));
      const { short, next } = found;
      const reminders: PersonReminder[] = short
        .filter((s) => !seen.has(s.professionalId))
        .map((s) => ({
          professionalId: s.professionalId,
          name: s.name,
          unitId: s.unitId,
          year: scan.year,
          deadline: s.deadline,
          deadlineKind: s.titleApplicationId ? 'TITLE' : 'YEAR',
          daysBefore,
          publicShortfall: s.publicShortfall,
          professionalShortfall: s.professionalShortfall,
        }));
      for (const r of reminders) seen.add(r.professionalId);
      const result = await this.remind(tenantId, scan.today, reminders, log);
      summary.reminded += result.inserted.length;
      summary.mailed += result.mailed;
      summary.mailFailed += result.failed;
      after = next;
    } while (after);
  }

  private async retryMail(tenantId: string, log: Logger): Promise<{ mailed: number; failed: number }> {
    if (!this.mailer) return { mailed: 0, failed: 0 };
    const rows = await this.inTenantDb(tenantId, log, (db) => this.ledger.claimRetries(db, tenantId, RETRIES));
    const skipped: MailOutcome[] = rows.filter((r) => !r.email || r.emailOptOut).map((r) => ({ ...r, outcome: 'SKIPPED' }));
    await this.inTenantDb(tenantId, log, (db) => this.ledger.recordMail(db, tenantId, skipped));
    const mails = rows.filter((r) => r.email && !r.emailOptOut).map((r) => ({ key: r, message: { to: r.email!, ...mailOf(personText(r)) } }));
    const people = await this.sendAndRecord(tenantId, mails, log);
    const digests = await this.digests.retry(tenantId, (work) => this.inTenantDb(tenantId, log, work), log);
    return { mailed: people.mailed + digests.mailed, failed: people.failed + digests.failed };
  }

  private async sendAndRecord(tenantId: string, mails: { key: ClaimedReminder; message: { to: string; subject: string; text: string } }[], log: Logger) {
    const { sent, failed } = await deliver(this.mailer, mails, log);
    const outcomes: MailOutcome[] = [...sent.map((k) => ({ ...k, outcome: 'SENT' as const })), ...failed.map((k) => ({ ...k, outcome: 'FAILED' as const }))];
    await this.inTenantDb(tenantId, log, (db) => this.ledger.recordMail(db, tenantId, outcomes));
    return { mailed: sent.length, failed: failed.length };
  }

  /** The tenant's policy; null for a tenant that has none published yet (it sends no reminders). */
  private async currentPolicy(ctx: Context): Promise<PolicyRevision | null> {
    try {
      return await this.policies.current(ctx);
    } catch (error) {
      if (error instanceof AppError && error.code === 'POLICY_NOT_PUBLISHED') return null;
      throw error;
    }
  }

  /** One transaction of the tenant (tenant set first, like a request's), with a context for the services it calls. */
  private inTenant<T>(tenantId: string, log: Logger, work: (ctx: Context) => Promise<T>): Promise<T> {
    return inLazyTransaction(this.runtime, { tenantId }, (tx) =>
      work({ requestId: `reminders-${randomUUID()}`, clientAddress: 'reminders', actor: { kind: 'SYSTEM', label: 'reminders' }, tenantId, tx, db: () => tx.manager(), loaders: {} as Loaders, log }),
    );
  }

  private inTenantDb<T>(tenantId: string, log: Logger, work: (db: Queryable) => Promise<T>): Promise<T> {
    return this.inTenant(tenantId, log, async (ctx) => work(await ctx.db()));
  }
}
