// Every query the demo seed and its start banner make that no capability's
// repository offers: set-based inserts of a demo tenant's people and
// activities, accounts created with a password already set, and the lookups
// that decide whether a printed activation code still works. The tenant
// itself comes from provisionTenant, org nodes from the organisations
// repository.
import type { AccountRole, AccountStatus } from '../accounts/accounts.types';
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { PlannedActivity } from './demo-recipes';
import type { SyntheticPerson } from './synthetic-people';

interface IdRow {
  id: string;
}

interface InsertedProfessionalRow {
  id: string;
  id_number: string;
}

interface CountRow {
  n: number;
}

interface TenantCodeRow {
  id: string;
  code: string;
}

interface ActivationStateRow {
  username: string;
  status: AccountStatus;
  code_hash: string | null;
}

export interface DemoTenantRef {
  id: string;
  code: string;
}

/** A demo account; with a password hash it is ACTIVE at once, without one PENDING until activated. */
export interface DemoAccountInput {
  username: string;
  displayName: string;
  role: AccountRole;
  orgNodeId: string;
  professionalId?: string | null;
  passwordHash?: string | null;
}

export interface DemoActivityRow extends PlannedActivity {
  professionalId: string;
  year: number;
}

/** An account's state and its live activation code (unused, unexpired, newest), if any. */
export interface DemoActivationState {
  username: string;
  status: AccountStatus;
  codeHash: string | null;
}

function toActivationState(row: ActivationStateRow): DemoActivationState {
  return { username: row.username, status: row.status, codeHash: row.code_hash };
}

export class DemoRepository {
  /** The tenants with these codes (an operator transaction sees them all). */
  async findTenantsByCode(db: Queryable, codes: readonly string[]): Promise<DemoTenantRef[]> {
    return queryRows<TenantCodeRow>(db, `SELECT id, code FROM tenant WHERE code = ANY($1::text[])`, [[...codes]]);
  }

  /** People in one statement; each placed in its unit's path. Answers each id number's new id. */
  async insertProfessionals(db: Queryable, tenantId: string, people: readonly { person: SyntheticPerson; unitId: string }[]): Promise<Map<string, string>> {
    const col = <T>(f: (p: { person: SyntheticPerson; unitId: string }) => T): T[] => people.map(f);
    const rows = await queryRows<InsertedProfessionalRow>(
      db,
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $1, u.id_number, u.name, u.gender, u.birth_date, u.unit_id, o.path, u.title_level, u.title_series, u.phone, u.joined_on
         FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::date[])
              AS u(id_number, name, gender, birth_date, unit_id, title_level, title_series, phone, joined_on)
         JOIN org_node o ON o.tenant_id = $1 AND o.id = u.unit_id
       RETURNING id, id_number`,
      [
        tenantId,
        col((p) => p.person.idNumber),
        col((p) => p.person.name),
        col((p) => p.person.gender),
        col((p) => p.person.birthDate),
        col((p) => p.unitId),
        col((p) => p.person.titleLevel),
        col((p) => p.person.titleSeries),
        col((p) => p.person.mobile),
        col((p) => p.person.joinedOn),
      ],
    );
    return new Map(rows.map((r) => [r.id_number, r.id]));
  }

  async insertAccount(db: Queryable, tenantId: string, a: DemoAccountInput): Promise<string> {
    const hash = a.passwordHash ?? null;
    const [row] = await queryRows<IdRow>(
      db,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, password_hash, status, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [tenantId, a.username, a.displayName, a.role, a.orgNodeId, a.professionalId ?? null, hash, hash ? 'ACTIVE' : 'PENDING', hash ? new Date() : null],
    );
    if (!row) throw new Error(`demo account ${a.username} was not inserted`);
    return row.id;
  }

  /** A code for a new account, valid for `days` days. */
  async insertActivationCode(db: Queryable, tenantId: string, accountId: string, codeHash: string, days: number): Promise<void> {
    await execute(
      db,
      `INSERT INTO activation_code (tenant_id, account_id, code_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [tenantId, accountId, codeHash, days],
    );
  }

  /**
   * A title record for everyone with a title, obtained on a day fixed by their ID number
   * (0–8 years before `lastYear`, never before the age of 22, never before 2000), and the
   * people's current title dated from it; one statement each.
   */
  async insertTitleRecords(db: Queryable, tenantId: string, issuingBody: string, lastYear: number): Promise<void> {
    await execute(
      db,
      `INSERT INTO title_record (tenant_id, professional_id, level, series, obtained_on, issuing_body, certificate_no)
       SELECT p.tenant_id, p.id, p.title_level, p.title_series,
              make_date(greatest(2000, extract(year FROM p.birth_date)::int + 22, $3 - (abs(hashtext(p.id_number)) % 9)),
                        1 + abs(hashtext(p.id_number)) % 12, 1 + abs(hashtext(p.name)) % 28),
              $2, 'ZC' || substr(p.id_number, 13, 6)
         FROM professional p WHERE p.tenant_id = $1 AND p.title_level <> 'NONE'`,
      [tenantId, issuingBody, lastYear],
    );
    await execute(
      db,
      `UPDATE professional p SET title_obtained_on = r.obtained_on
         FROM title_record r WHERE r.tenant_id = p.tenant_id AND r.professional_id = p.id AND p.tenant_id = $1`,
      [tenantId],
    );
  }

  async insertTitleApplication(db: Queryable, tenantId: string, professionalId: string, targetLevel: string, targetSeries: string, year: number, filedOn: string | null): Promise<void> {
    await execute(
      db,
      `INSERT INTO title_application (tenant_id, professional_id, target_level, target_series, application_year, route, filed_on)
       VALUES ($1, $2, $3, $4, $5, 'NORMAL_REVIEW', $6)`,
      [tenantId, professionalId, targetLevel, targetSeries, year, filedOn],
    );
  }

  /** Activities in one statement, recorded a few days after they happened (never in the future). */
  async insertActivities(db: Queryable, tenantId: string, recordedBy: string, list: readonly DemoActivityRow[]): Promise<void> {
    await execute(
      db,
      `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, source, recorded_by, recorded_at)
       SELECT $1, u.professional_id, u.kind, u.year, u.occurred_on, u.params, u.source, $2,
              least(now(), u.occurred_on + interval '3 days 10 hours')
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::date[], $7::jsonb[], $8::text[])
              AS u(professional_id, kind, year, occurred_on, params, source)`,
      [
        tenantId,
        recordedBy,
        list.map((a) => a.professionalId),
        list.map((a) => a.kind),
        list.map((a) => a.year),
        list.map((a) => a.date),
        list.map((a) => JSON.stringify(a.params)),
        list.map((a) => a.source),
      ],
    );
  }

  /** The audit entry that records a seeded tenant (no request: the system did it at start). */
  async insertSeedAudit(db: Queryable, tenantId: string, after: object): Promise<void> {
    await execute(
      db,
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_label, action, entity_type, entity_id, after)
       VALUES ($1::uuid, 'SYSTEM', 'demo-seed', 'tenant.seedDemo', 'tenant', $1::text, $2)`,
      [tenantId, after],
    );
  }

  async countOperators(db: Queryable): Promise<number> {
    const row = await queryOne<CountRow>(db, `SELECT count(*)::int AS n FROM platform_operator`);
    return row?.n ?? 0;
  }

  async insertOperator(db: Queryable, username: string, passwordHash: string): Promise<void> {
    await execute(db, `INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, passwordHash]);
  }

  /** The accounts of one tenant with these usernames, each with its live activation code's hash. */
  async findActivationStates(db: Queryable, tenantId: string, usernames: readonly string[]): Promise<DemoActivationState[]> {
    const rows = await queryRows<ActivationStateRow>(
      db,
      `SELECT a.username, a.status, c.code_hash
         FROM account a
         LEFT JOIN LATERAL (
           SELECT code_hash FROM activation_code c
            WHERE c.tenant_id = a.tenant_id AND c.account_id = a.id AND c.used_at IS NULL AND c.expires_at > now()
            ORDER BY c.created_at DESC LIMIT 1) c ON true
        WHERE a.tenant_id = $1 AND a.username = ANY($2::text[])`,
      [tenantId, [...usernames]],
    );
    return rows.map(toActivationState);
  }
}
