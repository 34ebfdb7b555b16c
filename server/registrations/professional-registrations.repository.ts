// Every statement about professionals' registrations, and the professional and account an
// approval creates (written here, beside the registration they come from, in the request's
// one transaction).
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { maskIdNumber } from '../platform/id-number';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { Gender } from '../professionals/professionals.types';
import { ProfessionalRegistration } from './professional-registration.types';
import { ApplicationStore, type ApplicationTable, type Decider } from './application-store';
import { EFFECTIVE_STATUS } from './registration-queue';
import type { RegistrationStatus } from './registrations.types';

interface RegistrationRow {
  id: string;
  queue_no: string;
  id_number: string;
  name: string;
  gender: Gender;
  birth_date: string;
  phone: string;
  title_level: TitleLevel;
  title_series: TitleSeries;
  unit_id: string;
  unit_name: string;
  department_id: string | null;
  status: RegistrationStatus;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
  decided_by_label: string | null;
  decision_comment: string | null;
  rejection_reason: string | null;
  professional_id: string | null;
}

const SELECT = `SELECT r.id, r.queue_no::text AS queue_no, r.id_number, r.name, r.gender, r.birth_date::text AS birth_date, r.phone,
    r.title_level, r.title_series, r.unit_id, o.name AS unit_name, r.department_id, ${EFFECTIVE_STATUS} AS status,
    r.created_at, r.expires_at, r.decided_at, r.decided_by_label, r.decision_comment, r.rejection_reason, r.professional_id
  FROM professional_registration r JOIN org_node o ON o.tenant_id = r.tenant_id AND o.id = r.unit_id`;

function toRegistration(row: RegistrationRow): ProfessionalRegistration {
  return Object.assign(new ProfessionalRegistration(), {
    id: row.id,
    queueNo: row.queue_no,
    idNumber: row.id_number,
    idNumberMasked: maskIdNumber(row.id_number),
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: row.phone,
    titleLevel: row.title_level,
    titleSeries: row.title_series,
    unitId: row.unit_id,
    unitName: row.unit_name,
    departmentId: row.department_id,
    status: row.status,
    submittedAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_label,
    comment: row.decision_comment,
    rejectionReason: row.rejection_reason,
    professionalId: row.professional_id,
  });
}

export interface NewRegistration {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  phone: string;
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
  unitId: string;
  departmentId: string | null;
  passwordHash: string;
  receiptHash: string;
  pendingDays: number;
}

const TABLE: ApplicationTable = 'professional_registration';

export class ProfessionalRegistrationsRepository extends ApplicationStore<RegistrationRow, ProfessionalRegistration> {
  constructor() {
    super(TABLE, SELECT, toRegistration);
  }

  async insert(em: Queryable, tenantId: string, r: NewRegistration): Promise<ProfessionalRegistration> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO professional_registration (tenant_id, id_number, name, gender, birth_date, phone, title_level, title_series,
              unit_id, department_id, password_hash, receipt_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() + make_interval(days => $13)) RETURNING id`,
      [tenantId, r.idNumber, r.name, r.gender, r.birthDate, r.phone, r.titleLevel, r.titleSeries, r.unitId, r.departmentId, r.passwordHash, r.receiptHash, r.pendingDays],
    );
    return (await this.findOne(em, row!.id))!;
  }

  async isProfessional(em: Queryable, idNumber: string): Promise<boolean> {
    return (await queryOne<{ id: string }>(em, `SELECT id FROM professional WHERE id_number = $1`, [idNumber])) !== null;
  }

  /**
   * Marks expired what is past its term: the registration of this ID number (so a new one
   * may be written), and up to 100 others of the tenant that no one is deciding now. Their
   * password hashes go with it.
   */
  async sweep(em: Queryable, idNumber: string): Promise<void> {
    await execute(
      em,
      `UPDATE professional_registration SET status = 'EXPIRED', password_hash = NULL
        WHERE status = 'PENDING' AND expires_at <= now()
          AND (id_number = $1 OR id IN (SELECT id FROM professional_registration
                                        WHERE status = 'PENDING' AND expires_at <= now()
                                        ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED))`,
      [idNumber],
    );
  }

  /** The professional of an approved registration, in its unit as the tree has it now. */
  async insertProfessional(em: Queryable, tenantId: string, r: ProfessionalRegistration, joinedUnitOn: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $1, $2, $3, $4, $5, o.id, o.path, $6, $7, $8, $9 FROM org_node o WHERE o.id = $10
       RETURNING id`,
      [tenantId, r.idNumber, r.name, r.gender, r.birthDate, r.titleLevel, r.titleSeries, r.phone, joinedUnitOn, r.unitId],
    );
    return row!.id;
  }

  /** The professional's account, active at once with the password chosen at sign-up. */
  async insertAccount(em: Queryable, tenantId: string, r: ProfessionalRegistration, professionalId: string, passwordHash: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, password_hash, status, activated_at)
       VALUES ($1, $2, $3, 'PROFESSIONAL', $4, $5, $6, 'ACTIVE', now()) RETURNING id`,
      [tenantId, r.idNumber, r.name, r.unitId, professionalId, passwordHash],
    );
    return row!.id;
  }

  async markApproved(em: Queryable, id: string, by: Decider, professionalId: string, comment: string | null): Promise<void> {
    await changedRows(
      em,
      `UPDATE professional_registration SET status = 'APPROVED', professional_id = $2, decided_at = now(), decided_by = $3,
              decided_by_label = $4, decision_comment = $5, password_hash = NULL
        WHERE id = $1 AND status = 'PENDING'`,
      [id, professionalId, by.id, by.label, comment],
    );
  }
}
