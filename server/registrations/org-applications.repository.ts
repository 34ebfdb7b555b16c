// Every statement about organisations' applications, and the organisation node and
// administrator account an approval creates (in the request's one transaction).
import type { AccountRole } from '../platform/actor';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { type OrgApplicationKind, OrganisationApplication } from './org-application.types';
import { ApplicationStore, type ApplicationTable, type Decider } from './application-store';
import { EFFECTIVE_STATUS } from './registration-queue';
import type { RegistrationStatus } from './registrations.types';

interface ApplicationRow {
  id: string;
  queue_no: string;
  kind: OrgApplicationKind;
  name: string;
  code: string | null;
  parent_id: string;
  parent_name: string;
  admin_username: string;
  admin_name: string;
  admin_phone: string;
  status: RegistrationStatus;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
  decided_by_label: string | null;
  decision_comment: string | null;
  rejection_reason: string | null;
  org_node_id: string | null;
  account_id: string | null;
}

const SELECT = `SELECT r.id, r.queue_no::text AS queue_no, r.kind, r.name, r.code, r.parent_id, o.name AS parent_name,
    r.admin_username, r.admin_name, r.admin_phone, ${EFFECTIVE_STATUS} AS status, r.created_at, r.expires_at, r.decided_at,
    r.decided_by_label, r.decision_comment, r.rejection_reason, r.org_node_id, r.account_id
  FROM org_application r JOIN org_node o ON o.tenant_id = r.tenant_id AND o.id = r.parent_id`;

function toApplication(row: ApplicationRow): OrganisationApplication {
  return Object.assign(new OrganisationApplication(), {
    id: row.id,
    queueNo: row.queue_no,
    kind: row.kind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    parentName: row.parent_name,
    adminUsername: row.admin_username,
    adminName: row.admin_name,
    adminPhone: row.admin_phone,
    status: row.status,
    submittedAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_label,
    comment: row.decision_comment,
    rejectionReason: row.rejection_reason,
    organisationId: row.org_node_id,
    accountId: row.account_id,
  });
}

export interface NewApplication {
  kind: OrgApplicationKind;
  name: string;
  code: string | null;
  parentId: string;
  adminUsername: string;
  adminName: string;
  adminPhone: string;
  passwordHash: string;
  receiptHash: string;
  pendingDays: number;
}

const TABLE: ApplicationTable = 'org_application';

export class OrgApplicationsRepository extends ApplicationStore<ApplicationRow, OrganisationApplication> {
  constructor() {
    super(TABLE, SELECT, toApplication);
  }

  async insert(em: Queryable, tenantId: string, a: NewApplication): Promise<OrganisationApplication> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO org_application (tenant_id, kind, name, code, parent_id, admin_username, admin_name, admin_phone, password_hash, receipt_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + make_interval(days => $11)) RETURNING id`,
      [tenantId, a.kind, a.name, a.code, a.parentId, a.adminUsername, a.adminName, a.adminPhone, a.passwordHash, a.receiptHash, a.pendingDays],
    );
    return (await this.findOne(em, row!.id))!;
  }

  async usernameTaken(em: Queryable, username: string): Promise<boolean> {
    return (await queryOne<{ id: string }>(em, `SELECT id FROM account WHERE username = $1`, [username])) !== null;
  }

  /**
   * Marks expired what is past its term: the applications that reserve this name, code or
   * username (so a new one may be written), and up to 100 others no one is deciding now.
   */
  async sweep(em: Queryable, a: Pick<NewApplication, 'parentId' | 'name' | 'code' | 'adminUsername'>): Promise<void> {
    await execute(
      em,
      `UPDATE org_application SET status = 'EXPIRED', password_hash = NULL
        WHERE status = 'PENDING' AND expires_at <= now()
          AND ((parent_id = $1 AND name = $2) OR code = $3 OR admin_username = $4
               OR id IN (SELECT id FROM org_application WHERE status = 'PENDING' AND expires_at <= now()
                          ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED))`,
      [a.parentId, a.name, a.code, a.adminUsername],
    );
  }

  /** The organisation node of an approved application (its path filled by the org_node_path trigger). */
  async insertNode(em: Queryable, tenantId: string, a: OrganisationApplication): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth) VALUES ($1, $2, $3, $4, $5, '', 0) RETURNING id`,
      [tenantId, a.parentId, a.kind, a.name, a.code],
    );
    return row!.id;
  }

  /** The administrator's account, active at once with the password chosen when applying. */
  async insertAccount(em: Queryable, tenantId: string, a: OrganisationApplication, role: AccountRole, nodeId: string, passwordHash: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', now()) RETURNING id`,
      [tenantId, a.adminUsername, a.adminName, role, nodeId, passwordHash],
    );
    return row!.id;
  }

  async markApproved(em: Queryable, id: string, by: Decider, nodeId: string, accountId: string, comment: string | null): Promise<void> {
    await changedRows(
      em,
      `UPDATE org_application SET status = 'APPROVED', org_node_id = $2, account_id = $3, decided_at = now(), decided_by = $4,
              decided_by_label = $5, decision_comment = $6, password_hash = NULL
        WHERE id = $1 AND status = 'PENDING'`,
      [id, nodeId, accountId, by.id, by.label, comment],
    );
  }
}
