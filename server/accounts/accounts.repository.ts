// Every query the accounts capability makes.
import type { EntityManager } from 'typeorm';
import { subtreeEnd } from '../platform/actor';
import { maskIdNumber } from '../platform/id-number';
import { returnedRows } from '../platform/pg-errors';
import type { AccountActor, AccountRole } from '../platform/actor';
import { queryOne } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import { Account } from './accounts.types';

const COLUMNS = `a.id, a.username, a.display_name, a.role, a.org_node_id, a.professional_id, a.status,
  a.created_at, a.last_sign_in_at, a.password_hash, o.path AS org_path`;
const FROM = `account a JOIN org_node o ON o.tenant_id = a.tenant_id AND o.id = a.org_node_id`;

export interface AccountRow extends Account {
  passwordHash: string | null;
}

export function toAccount(row: any): AccountRow {
  return Object.assign(new Account(), {
    id: row.id,
    // professionals sign in with their ID number; it is never shown in full here
    username: row.role === 'PROFESSIONAL' ? maskIdNumber(row.username) : row.username,
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

export class AccountsRepository {
  async findByUsername(em: EntityManager, username: string): Promise<AccountRow | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.username = $1`, [username]);
    return rows.length ? toAccount(rows[0]) : null;
  }

  async findOne(em: EntityManager, id: string): Promise<AccountRow | null> {
    if (!isUuid(id)) return null;
    const rows = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1`, [id]);
    return rows.length ? toAccount(rows[0]) : null;
  }

  async findByProfessional(em: EntityManager, professionalId: string): Promise<AccountRow | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.professional_id = $1`, [professionalId]);
    return rows.length ? toAccount(rows[0]) : null;
  }

  /** Accounts whose organisation lies in the subtree, ordered by username. */
  async findPage(em: EntityManager, path: string | null, afterUsername: string | null, limit: number): Promise<AccountRow[]> {
    const params: unknown[] = [limit];
    const where: string[] = [];
    if (path) {
      params.push(path, subtreeEnd(path));
      where.push(`o.path >= $2 AND o.path < $3`);
    }
    if (afterUsername) {
      params.push(afterUsername);
      where.push(`a.username COLLATE "C" > $${params.length}`);
    }
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY a.username COLLATE "C" LIMIT $1`,
      params,
    );
    return rows.map(toAccount);
  }

  async insert(
    em: EntityManager,
    tenantId: string,
    a: { username: string; displayName: string; role: AccountRole; orgNodeId: string; professionalId?: string | null },
  ): Promise<AccountRow> {
    const rows = await em.query(
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, a.username, a.displayName, a.role, a.orgNodeId, a.professionalId ?? null],
    );
    return (await this.findOne(em, rows[0].id))!;
  }

  async setPassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query(
      `UPDATE account SET password_hash = $2, status = 'ACTIVE', activated_at = coalesce(activated_at, now()),
              version = version + 1 WHERE id = $1`,
      [id, passwordHash],
    );
  }

  async touchSignIn(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE account SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }

  /** Older unused codes stop working when a new one is issued. */
  async insertActivationCode(em: EntityManager, tenantId: string, accountId: string, codeHash: string, expiresAt: Date, issuedBy: string | null) {
    await em.query(`UPDATE activation_code SET expires_at = now() WHERE account_id = $1 AND used_at IS NULL AND expires_at > now()`, [accountId]);
    await em.query(
      `INSERT INTO activation_code (tenant_id, account_id, code_hash, expires_at, issued_by) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, accountId, codeHash, expiresAt, issuedBy],
    );
  }

  async liveActivationCode(em: EntityManager, accountId: string): Promise<{ id: string; codeHash: string } | null> {
    const rows = await em.query(
      `SELECT id, code_hash FROM activation_code
        WHERE account_id = $1 AND used_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [accountId],
    );
    return rows.length ? { id: rows[0].id, codeHash: rows[0].code_hash } : null;
  }

  /** Marks a code used; false when another request used it first. */
  async useActivationCode(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.query(`UPDATE activation_code SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`, [id]);
    return returnedRows(result).length === 1;
  }

  /** The signed-in account as an actor: active, with its organisation's path (the scope of an official). */
  async findActiveActor(em: EntityManager, id: string): Promise<AccountActor | null> {
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
      label: `account:${row.role === 'PROFESSIONAL' ? row.id : row.username}`,
      orgNodeId: row.org_node_id,
      orgPath: row.path,
      professionalId: row.professional_id,
    };
  }

  /** A platform operator (readable only in an operator transaction). */
  async findOperator(em: EntityManager, id: string): Promise<{ id: string; username: string } | null> {
    if (!isUuid(id)) return null;
    return queryOne<{ id: string; username: string }>(em, `SELECT id, username FROM platform_operator WHERE id = $1`, [id]);
  }
}
