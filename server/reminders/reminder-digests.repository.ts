// Unit officials' digests: one a day at most per official (the key (tenant, day, account)),
// listing the people of their unit reminded that day, instead of a mail per person.
import { changedRows, execute, type Queryable, queryRows } from '../platform/sql';
import type { MailState } from './reminder-ledger.repository';
import type { DeadlineKind, DigestLine } from './reminder-texts';

/** An official who has no digest for the day yet, of a unit with people reminded that day. */
export interface DigestRecipient {
  accountId: string;
  unitId: string;
  unitName: string;
  email: string | null;
  emailOptOut: boolean;
}

export interface UnitPeople {
  total: number;
  lines: DigestLine[];
}

export interface ClaimedDigest {
  accountId: string;
  unitId: string;
  email: string | null;
  mailState: MailState;
}

export interface DigestOutcome {
  accountId: string;
  outcome: 'SENT' | 'FAILED' | 'SKIPPED';
}

interface LineRow {
  unitId: string;
  total: number;
  name: string;
  deadline: string;
  deadlineKind: DeadlineKind;
  publicShortfall: number;
  professionalShortfall: number;
}

export class ReminderDigestsRepository {
  /** Unit officials (not disabled) of units with people reminded on `day`, without a digest of that day, after `afterId`. */
  async recipients(db: Queryable, tenantId: string, day: string, afterId: string | null, limit: number): Promise<DigestRecipient[]> {
    return queryRows<DigestRecipient>(
      db,
      `SELECT a.id AS "accountId", a.org_node_id AS "unitId", u.name AS "unitName", a.email, a.email_opt_out AS "emailOptOut"
         FROM account a JOIN org_node u ON u.tenant_id = a.tenant_id AND u.id = a.org_node_id
        WHERE a.tenant_id = $1 AND a.role = 'UNIT_OFFICIAL' AND a.status <> 'DISABLED'
          AND a.org_node_id IN (SELECT DISTINCT unit_id FROM reminder_ledger WHERE tenant_id = $1 AND reminded_on = $2::date)
          AND NOT EXISTS (SELECT 1 FROM reminder_digest d WHERE d.tenant_id = $1 AND d.reminded_on = $2::date AND d.account_id = a.id)
          AND ($3::uuid IS NULL OR a.id > $3::uuid)
        ORDER BY a.id LIMIT $4`,
      [tenantId, day, afterId, limit],
    );
  }

  /** The people of each unit reminded on `day`: their number and the first `perUnit` of them (by deadline, name). */
  async people(db: Queryable, tenantId: string, day: string, unitIds: readonly string[], perUnit: number): Promise<Map<string, UnitPeople>> {
    const rows = await queryRows<LineRow>(
      db,
      `SELECT "unitId", total, name, deadline, "deadlineKind", "publicShortfall", "professionalShortfall" FROM (
         SELECT l.unit_id AS "unitId", count(*) OVER w::int AS total, row_number() OVER (w ORDER BY l.deadline, p.name, p.id) AS n,
                p.name, l.deadline::text AS deadline, l.deadline_kind AS "deadlineKind",
                l.public_shortfall::float8 AS "publicShortfall", l.professional_shortfall::float8 AS "professionalShortfall"
           FROM reminder_ledger l JOIN professional p ON p.tenant_id = l.tenant_id AND p.id = l.professional_id
          WHERE l.tenant_id = $1 AND l.reminded_on = $2::date AND l.unit_id = ANY($3::uuid[])
         WINDOW w AS (PARTITION BY l.unit_id)) x
        WHERE n <= $4 ORDER BY "unitId", n`,
      [tenantId, day, unitIds, perUnit],
    );
    const out = new Map<string, UnitPeople>();
    for (const r of rows) {
      const unit = out.get(r.unitId) ?? { total: r.total, lines: [] };
      unit.lines.push({ name: r.name, deadline: r.deadline, deadlineKind: r.deadlineKind, publicShortfall: r.publicShortfall, professionalShortfall: r.professionalShortfall });
      out.set(r.unitId, unit);
    }
    return out;
  }

  /** Inserts the digests that do not exist yet (ON CONFLICT DO NOTHING) and answers those alone. */
  async insert(db: Queryable, tenantId: string, day: string, digests: readonly { recipient: DigestRecipient; people: number }[], mailOn: boolean): Promise<ClaimedDigest[]> {
    if (digests.length === 0) return [];
    const mails = digests.map(({ recipient: r }) => (mailOn && r.email !== null && !r.emailOptOut ? 'PENDING' : 'SKIPPED'));
    return queryRows<ClaimedDigest>(
      db,
      `WITH inserted AS (
         INSERT INTO reminder_digest (tenant_id, reminded_on, account_id, unit_id, people, mail_state)
         SELECT $1, $2::date, * FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::text[])
         ON CONFLICT DO NOTHING
         RETURNING account_id, unit_id, mail_state
       )
       SELECT ins.account_id AS "accountId", ins.unit_id AS "unitId", CASE WHEN ins.mail_state = 'PENDING' THEN a.email END AS email,
              ins.mail_state AS "mailState"
         FROM inserted ins JOIN account a ON a.tenant_id = $1 AND a.id = ins.account_id`,
      [tenantId, day, digests.map((d) => d.recipient.accountId), digests.map((d) => d.recipient.unitId), digests.map((d) => d.people), mails],
    );
  }

  async recordMail(db: Queryable, tenantId: string, day: string, outcomes: readonly DigestOutcome[], attempts: number): Promise<void> {
    if (outcomes.length === 0) return;
    await execute(
      db,
      `UPDATE reminder_digest d
          SET mail_attempts = d.mail_attempts + CASE WHEN o.outcome = 'SKIPPED' THEN 0 ELSE 1 END,
              mail_state = CASE WHEN o.outcome <> 'FAILED' THEN o.outcome WHEN d.mail_attempts + 1 >= $5 THEN 'FAILED' ELSE 'RETRY' END,
              mailed_at = CASE WHEN o.outcome = 'SENT' THEN now() END
         FROM unnest($3::uuid[], $4::text[]) AS o(account_id, outcome)
        WHERE d.tenant_id = $1 AND d.reminded_on = $2::date AND d.account_id = o.account_id AND d.mail_state = 'PENDING'`,
      [tenantId, day, outcomes.map((o) => o.accountId), outcomes.map((o) => o.outcome), attempts],
    );
  }

  /** Claims (RETRY → PENDING) up to `limit` digests whose e-mail failed before. */
  async claimRetries(db: Queryable, tenantId: string, limit: number): Promise<(DigestRecipient & { remindedOn: string })[]> {
    return changedRows<DigestRecipient & { remindedOn: string }>(
      db,
      `WITH due AS (
         SELECT reminded_on, account_id FROM reminder_digest WHERE tenant_id = $1 AND mail_state = 'RETRY' ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE reminder_digest d SET mail_state = 'PENDING'
         FROM due, account a, org_node u
        WHERE d.tenant_id = $1 AND (d.reminded_on, d.account_id) = (due.reminded_on, due.account_id)
          AND a.tenant_id = d.tenant_id AND a.id = d.account_id AND u.tenant_id = d.tenant_id AND u.id = d.unit_id
       RETURNING d.account_id AS "accountId", d.unit_id AS "unitId", u.name AS "unitName", a.email, a.email_opt_out AS "emailOptOut",
                 d.reminded_on::text AS "remindedOn"`,
      [tenantId, limit],
    );
  }
}
