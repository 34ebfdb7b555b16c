// Small factories for the reminder tests: accounts with an e-mail address (and an opt-out),
// a person's hours of a year, and the e-mails one address received.
import { randomBytes } from 'node:crypto';
import type { PersonFixture, TenantFixture } from '../support/fixtures';
import type { TestApp } from '../support/harness';
import type { SentMail, SmtpSink } from '../support/smtp-sink';

export interface Recipient {
  accountId: string;
  email: string | null;
}

export type ReminderPeople<K extends string> = Record<K, Recipient>;

/**
 * An account (or, given `accountId`, the fixture's existing one) with an e-mail address
 * (`null`: none) and the e-mail opt-out.
 */
export async function addAccount(
  app: TestApp,
  t: TenantFixture,
  role: string,
  orgNodeId: string,
  person: PersonFixture | null,
  options: { accountId?: string; email?: string | null; optOut?: boolean } = {},
): Promise<Recipient> {
  const email = options.email === undefined ? `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@ce.test` : options.email;
  if (options.accountId) {
    await app.owner.query(`UPDATE account SET email = $3, email_opt_out = $4 WHERE tenant_id = $1 AND id = $2`, [t.tenantId, options.accountId, email, !!options.optOut]);
    return { accountId: options.accountId, email };
  }
  const [row] = await app.owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, email, email_opt_out)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [t.tenantId, person?.idNumber ?? `${role.toLowerCase()}-${randomBytes(3).toString('hex')}`, person?.name ?? role, role, orgNodeId, person?.id ?? null, email, !!options.optOut],
  );
  return { accountId: row.id as string, email };
}

/** Hours of a year (a recorded transfer-in: counted in both subjects as given). */
export async function addHours(app: TestApp, t: TenantFixture, p: PersonFixture, publicHours: number, professionalHours: number, year = 2026): Promise<void> {
  await app.owner.query(`INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, 'transferIn', $3, $4)`, [
    t.tenantId,
    p.id,
    year,
    { fromPlace: '测试', publicHours, professionalHours },
  ]);
}

/** The e-mails `address` received (from the `from`-th message on). */
export function mailsTo(smtp: SmtpSink, address: string, from = 0): SentMail[] {
  return smtp.mails.slice(from).filter((m) => m.to.includes(address));
}
