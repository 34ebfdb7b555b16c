// Every query the accounts capability makes.
import { subtreeEnd } from '../platform/actor';
import { maskIdNumber } from '../platform/id-number';
import type { AccountActor } from '../platform/actor';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import { Account, AccountRole, AccountStatus } from './accounts.types';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: AccountRole;
  org_node_id: string;
  professional_id: string | null;
  status: AccountStatus;
  created_at: Date;
  last_sign_in_at: Date | null;
  password_hash: string | null;
  org_path: string;
}

const COLUMNS = `a.id, a.username, a.display_name, a.role, a.org_node_id, a.professional_id, a.status,
  a.created_at, a.last_sign_in_at, a.password_hash, o.path AS org_path`;
const FROM = `account a JOIN org_node o ON o.tenant_id = a.tenant_id AND o.id = a.org_node_id`;

/** An account with its password hash: for sign-in only, never returned by the API (see publicAccount). */
export interface AccountRecord extends Account {
  passwordHash: string | null;
}

export function toAccount(row: AccountRow): AccountRecord {
  return Object.assign(new Account(), {
    id: row.id,
    // professionals sign in with their ID number; it is never shown in full here
    username: row.role === AccountRole.PROFESSIONAL ? maskIdNumber(row.username) : row.username,
    displayName: row.display_name,
    role: row.role,
    orgNodeId: row.org_node_id,
    professionalId: row.professional_id,
    status: row.status,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    orgPath: row.org_path,
    passwordHash: row.password_hash,
  });
}

/** Drops the password hash before an account leaves the capability. */
export function publicAccount(record: AccountRecord): Account {
  const { passwordHash: _omit, ...account } = record;
  return Object.assign(new Account(), account);
}

/** Accounts whose organisation lies in the subtree at `path` (null: the whole tenant). */
function inSubtree(path: string | null, params: unknown[]): string[] {
  if (!path) return [];
  params.push(path, subtreeEnd(path));
  return [`o.path >= $${params.length - 1} AND o.path < $${params.length}`];
}

export class AccountsRepository {
  async findByUsername(em: Queryable, username: string): Promise<AccountRecord | null> {
    const row = await queryOne<AccountRow>(em, `SELECT ${COLUMNS} FROM ${FROM} WHERE a.username = $1`, [username]);
    return row && toAccount(row);
  }

  async findOne(em: Queryable, id: string): Promise<AccountRecord | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<AccountRow>(em, `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1`, [id]);
    return row && toAccount(row);
  }

  async findByProfessional(em: Queryable, professionalId: string): Promise<AccountRecord | null> {
    const row = await queryOne<AccountRow>(em, `SELECT ${COLUMNS} FROM ${FROM} WHERE a.professional_id = $1`, [professionalId]);
    return row && toAccount(row);
  }

  /**
   * Accounts whose organisation lies in the subtree, ordered by username,
   * after the account `afterId`. The position is looked up from the id, so a
   * cursor never carries a username (a professional's is their ID number).
   */
  async findPage(em: Queryable, path: string | null, afterId: string | null, limit: number): Promise<AccountRecord[]> {
    const params: unknown[] = [];
    const where = inSubtree(path, params);
    if (afterId) {
      params.push(afterId);
      where.push(`(a.username COLLATE "C", a.id) > (SELECT username COLLATE "C", id FROM account WHERE id = $${params.length}::uuid)`);
    }
    params.push(limit);
    const rows = await queryRows<AccountRow>(
      em,
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY a.username COLLATE "C", a.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAccount);
  }

  async count(em: Queryable, path: string | null): Promise<number> {
    const params: unknown[] = [];
    const where = inSubtree(path, params);
    const row = await queryOne<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM ${FROM} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
      params,
    );
    return row?.n ?? 0;
  }

  async insert(
    em: Queryable,
    tenantId: string,
    a: { username: string; displayName: string; role: AccountRole; orgNodeId: string; professionalId?: string | null },
  ): Promise<AccountRecord> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, a.username, a.displayName, a.role, a.orgNodeId, a.professionalId ?? null],
    );
    return (await this.findOne(em, row!.id))!;
  }

  async setPassword(em: Queryable, id: string, passwordHash: string): Promise<void> {
    await execute(
      em,
      `UPDATE account SET password_hash = $2, status = 'ACTIVE', activated_at = coalesce(activated_at, now()),
              version = version + 1 WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** Records a sign-in; false when the account is no longer active. */
  async touchSignIn(em: Queryable, id: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(em, `UPDATE account SET last_sign_in_at = now() WHERE id = $1 AND status = 'ACTIVE' RETURNING id`, [id]);
    return rows.length === 1;
  }

  /** Older unused codes stop working when a new one is issued. */
  async insertActivationCode(em: Queryable, tenantId: string, accountId: string, codeHash: string, expiresAt: Date, issuedBy: string | null) {
    await execute(em, `UPDATE activation_code SET expires_at = now() WHERE account_id = $1 AND used_at IS NULL AND expires_at > now()`, [accountId]);
    await execute(
      em,
      `INSERT INTO activation_code (tenant_id, account_id, code_hash, expires_at, issued_by) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, accountId, codeHash, expiresAt, issuedBy],
    );
  }

  async liveActivationCode(em: Queryable, accountId: string): Promise<{ id: string; codeHash: string } | null> {
    const row = await queryOne<{ id: string; code_hash: string }>(
      em,
      `SELECT id, code_hash FROM activation_code
        WHERE account_id = $1 AND used_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [accountId],
    );
    return row && { id: row.id, codeHash: row.code_hash };
  }

  /** Marks a code used; false when another request used it first, or it expired or was replaced meanwhile. */
  async useActivationCode(em: Queryable, id: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE activation_code SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

  /** The signed-in account as an actor: active, with its organisation's path (the scope of an official). */
  async findActiveActor(em: Queryable, id: string): Promise<AccountActor | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<{ id: string; tenant_id: string; role: AccountRole; username: string; org_node_id: string; professional_id: string | null; path: string }>(
      em,
      `SELECT a.id, a.tenant_id, a.role, a.username, a.org_node_id, a.professional_id, o.path
         FROM account a JOIN org_node o ON o.tenant_id = a.tenant_id AND o.id = a.org_node_id
        WHERE a.id = $1 AND a.status = 'ACTIVE'`,
      [id],
    );
    if (!row) return null;
    return {
      kind: 'ACCOUNT',
      id: row.id,
      tenantId: row.tenant_id,
      role: row.role,
      // professionals' usernames are ID numbers: never in a log line
      label: `account:${row.role === AccountRole.PROFESSIONAL ? row.id : row.username}`,
      orgNodeId: row.org_node_id,
      orgPath: row.path,
      professionalId: row.professional_id,
    };
  }

  /** A platform operator (readable only in an operator transaction). */
  async findOperator(em: Queryable, id: string): Promise<{ id: string; username: string } | null> {
    if (!isUuid(id)) return null;
    return queryOne<{ id: string; username: string }>(em, `SELECT id, username FROM platform_operator WHERE id = $1`, [id]);
  }

  /** An operator's password hash, for sign-in (in an operator transaction). */
  async findOperatorCredentials(em: Queryable, username: string): Promise<{ id: string; passwordHash: string | null } | null> {
    const row = await queryOne<{ id: string; password_hash: string | null }>(
      em,
      `SELECT id, password_hash FROM platform_operator WHERE username = $1`,
      [username],
    );
    return row && { id: row.id, passwordHash: row.password_hash };
  }

  async touchOperatorSignIn(em: Queryable, id: string): Promise<void> {
    await execute(em, `UPDATE platform_operator SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }
}
