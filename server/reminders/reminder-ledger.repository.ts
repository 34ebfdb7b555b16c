// The reminders ledger: one row per (tenant, deadline, days before it, person), the database's
// guarantee that a person is reminded once per reminder day however many processes run. A row
// is inserted with ON CONFLICT DO NOTHING in the same transaction as the notification; only the
// rows a statement inserted come back, and only those are mailed, by the process that inserted
// them. Also: up to which day a tenant's run got (reminder_run), and e-mails to retry.
import { changedRows, execute, type Queryable, queryOne, queryRows } from '../platform/sql';
import type { DeadlineKind } from './reminder-texts';

export type MailState = 'PENDING' | 'SENT' | 'RETRY' | 'FAILED' | 'SKIPPED';

/** A short person to remind of one deadline. */
export interface PersonReminder {
  professionalId: string;
  name: string;
  unitId: string;
  year: number;
  deadline: string;
  deadlineKind: DeadlineKind;
  daysBefore: number;
  publicShortfall: number;
  professionalShortfall: number;
}

/** A ledger row this process inserted (or claimed for a retry), with its recipient. */
export interface ClaimedReminder {
  professionalId: string;
  deadline: string;
  daysBefore: number;
  accountId: string | null;
  email: string | null;
  mailState: MailState;
}

export interface RetryRow extends ClaimedReminder {
  name: string;
  year: number;
  deadlineKind: DeadlineKind;
  remindedOn: string;
  publicShortfall: number;
  professionalShortfall: number;
  emailOptOut: boolean;
}

/** What became of one e-mail. */
export interface MailOutcome {
  professionalId: string;
  deadline: string;
  daysBefore: number;
  outcome: 'SENT' | 'FAILED' | 'SKIPPED';
}

/** A failed e-mail is tried again by later runs until it has been tried this many times. */
export const MAIL_ATTEMPTS = 3;

export class ReminderLedgerRepository {
  /**
   * Inserts the ledger rows of `reminders` that do not exist yet and answers those alone. The
   * e-mail is PENDING (this process sends it) when the person's account has an address, has
   * not opted out, and e-mail is on; otherwise SKIPPED.
   */
  async insert(db: Queryable, tenantId: string, remindedOn: string, reminders: readonly PersonReminder[], mailOn: boolean): Promise<ClaimedReminder[]> {
    if (reminders.length === 0) return [];
    const col = <K extends keyof PersonReminder>(k: K) => reminders.map((r) => r[k]);
    return queryRows<ClaimedReminder>(
      db,
      `WITH input AS (
         SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::date[], $7::text[], $8::int[], $9::numeric[], $10::numeric[])
           AS i(professional_id, unit_id, year, deadline, deadline_kind, days_before, public_shortfall, professional_shortfall)
       ), inserted AS (
         INSERT INTO reminder_ledger (tenant_id, deadline, days_before, professional_id, year, deadline_kind, reminded_on, unit_id,
                                      public_shortfall, professional_shortfall, account_id, mail_state)
         SELECT $1, i.deadline, i.days_before, i.professional_id, i.year, i.deadline_kind, $2::date, i.unit_id,
                i.public_shortfall, i.professional_shortfall, a.id,
                CASE WHEN $11::boolean AND a.email IS NOT NULL AND NOT a.email_opt_out THEN 'PENDING' ELSE 'SKIPPED' END
           FROM input i
           LEFT JOIN account a ON a.tenant_id = $1 AND a.professional_id = i.professional_id AND a.status <> 'DISABLED'
         ON CONFLICT DO NOTHING
         RETURNING professional_id, deadline, days_before, account_id, mail_state
       )
       SELECT ins.professional_id AS "professionalId", ins.deadline::text AS deadline, ins.days_before AS "daysBefore",
              ins.account_id AS "accountId", CASE WHEN ins.mail_state = 'PENDING' THEN a.email END AS email, ins.mail_state AS "mailState"
         FROM inserted ins LEFT JOIN account a ON a.tenant_id = $1 AND a.id = ins.account_id`,
      [
        tenantId,
        remindedOn,
        col('professionalId'),
        col('unitId'),
        col('year'),
        col('deadline'),
        col('deadlineKind'),
        col('daysBefore'),
        col('publicShortfall'),
        col('professionalShortfall'),
        mailOn,
      ],
    );
  }

  /** Records what became of e-mails this process held (PENDING): sent, skipped, or failed (RETRY until the last attempt). */
  async recordMail(db: Queryable, tenantId: string, outcomes: readonly MailOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await execute(
      db,
      `UPDATE reminder_ledger l
          SET mail_attempts = l.mail_attempts + CASE WHEN o.outcome = 'SKIPPED' THEN 0 ELSE 1 END,
              mail_state = CASE WHEN o.outcome <> 'FAILED' THEN o.outcome WHEN l.mail_attempts + 1 >= $6 THEN 'FAILED' ELSE 'RETRY' END,
              mailed_at = CASE WHEN o.outcome = 'SENT' THEN now() END
         FROM unnest($2::uuid[], $3::date[], $4::int[], $5::text[]) AS o(professional_id, deadline, days_before, outcome)
        WHERE l.tenant_id = $1 AND l.deadline = o.deadline AND l.days_before = o.days_before AND l.professional_id = o.professional_id
          AND l.mail_state = 'PENDING'`,
      [tenantId, outcomes.map((o) => o.professionalId), outcomes.map((o) => o.deadline), outcomes.map((o) => o.daysBefore), outcomes.map((o) => o.outcome), MAIL_ATTEMPTS],
    );
  }

  /** Claims (RETRY → PENDING) up to `limit` e-mails that failed before; rows another process claimed are skipped. */
  async claimRetries(db: Queryable, tenantId: string, limit: number): Promise<RetryRow[]> {
    return changedRows<RetryRow>(
      db,
      `WITH due AS (
         SELECT deadline, days_before, professional_id FROM reminder_ledger
          WHERE tenant_id = $1 AND mail_state = 'RETRY' ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE reminder_ledger l SET mail_state = 'PENDING'
         FROM due, professional p, account a
        WHERE l.tenant_id = $1 AND (l.deadline, l.days_before, l.professional_id) = (due.deadline, due.days_before, due.professional_id)
          AND p.tenant_id = l.tenant_id AND p.id = l.professional_id AND a.tenant_id = l.tenant_id AND a.id = l.account_id
       RETURNING l.professional_id AS "professionalId", l.deadline::text AS deadline, l.days_before AS "daysBefore", l.account_id AS "accountId",
                 a.email, 'PENDING' AS "mailState", p.name, l.year, l.deadline_kind AS "deadlineKind", l.reminded_on::text AS "remindedOn",
                 l.public_shortfall::float8 AS "publicShortfall", l.professional_shortfall::float8 AS "professionalShortfall",
                 a.email_opt_out AS "emailOptOut"`,
      [tenantId, limit],
    );
  }

  /** The last day a run of the tenant handled (null: never ran). */
  async remindedThrough(db: Queryable, tenantId: string): Promise<string | null> {
    const row = await queryOne<{ d: string }>(db, `SELECT reminded_through::text AS d FROM reminder_run WHERE tenant_id = $1`, [tenantId]);
    return row?.d ?? null;
  }

  async markRun(db: Queryable, tenantId: string, through: string): Promise<void> {
    await execute(
      db,
      `INSERT INTO reminder_run (tenant_id, reminded_through) VALUES ($1, $2::date)
       ON CONFLICT (tenant_id) DO UPDATE SET reminded_through = greatest(reminder_run.reminded_through, EXCLUDED.reminded_through), updated_at = now()`,
      [tenantId, through],
    );
  }
}
