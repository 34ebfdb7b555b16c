// The candidates of "who is short" (缺学时人员), in the order they are listed: first the
// title applicants of the year by their deadline, then everyone else in the caller's scope by
// (unit path, id). Each read is one keyset page over an index; the engine then judges the page.
import { subtreeEnd } from '../platform/actor';
import { type Queryable, queryRows } from '../platform/sql';

export interface CandidateQuery {
  year: number;
  /** unit path prefix of the caller's scope; null: the whole tenant */
  path: string | null;
  unitId: string | null;
  titleSeries: string | null;
  /** the year's own deadline (YYYY-MM-DD) */
  yearDeadline: string;
  /** the title deadline: a fixed date, or the filing date of each application (null: the year's) */
  titleDeadline: { kind: 'FIXED'; date: string } | { kind: 'FILING' } | { kind: 'YEAR' };
  /** only people whose deadline is after `after` and not after `through` (YYYY-MM-DD); absent: any */
  deadlines?: { after: string; through: string };
}

export interface Candidate {
  id: string;
  unitPath: string;
  unitId: string;
  unitName: string;
  deadline: string;
  applicationId: string | null;
  targetLevel: string | null;
}

function scopeWhere(q: Pick<CandidateQuery, 'path' | 'unitId' | 'titleSeries'>, params: unknown[]): string {
  const clauses: string[] = [`p.status = 'ACTIVE'`];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql.replace(/\?/g, () => `$${params.push(values.shift())}`));
  };
  if (q.path) add(`p.unit_path >= ? AND p.unit_path < ?`, q.path, subtreeEnd(q.path));
  if (q.unitId) add(`p.unit_id = ?::uuid`, q.unitId);
  if (q.titleSeries) add(`p.title_series = ?`, q.titleSeries);
  return clauses.join(' AND ');
}

/** Title applicants of the year in scope, nearest deadline first (one row a person: their earliest). */
export async function applicantsPage(db: Queryable, q: CandidateQuery, after: [string, string] | null, limit: number): Promise<Candidate[]> {
  const params: unknown[] = [q.year, q.yearDeadline, q.titleDeadline.kind, q.titleDeadline.kind === 'FIXED' ? q.titleDeadline.date : null];
  const where = scopeWhere(q, params);
  const deadline = `CASE $3 WHEN 'FIXED' THEN $4::date WHEN 'FILING' THEN coalesce(a.filed_on, $2::date) ELSE $2::date END`;
  const outer: string[] = [];
  if (q.deadlines) outer.push(`c.deadline > $${params.push(q.deadlines.after)}::date AND c.deadline <= $${params.push(q.deadlines.through)}::date`);
  if (after) outer.push(`(c.deadline, c.id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
  const keyset = outer.length ? `WHERE ${outer.join(' AND ')}` : '';
  return queryRows<Candidate>(
    db,
    `SELECT c.id, c.unit_path AS "unitPath", c.unit_id AS "unitId", u.name AS "unitName", c.deadline::text AS deadline,
            c.application_id AS "applicationId", c.target_level AS "targetLevel"
       FROM (SELECT DISTINCT ON (p.id) p.id, p.unit_path, p.unit_id, ${deadline} AS deadline, a.id AS application_id, a.target_level
               FROM title_application a JOIN professional p ON p.tenant_id = a.tenant_id AND p.id = a.professional_id
              WHERE a.application_year = $1 AND a.status = 'ACTIVE' AND ${where}
              ORDER BY p.id, ${deadline}, a.id) c
       JOIN org_node u ON u.id = c.unit_id
      ${keyset}
      ORDER BY c.deadline, c.id LIMIT $${params.push(limit)}`,
    params,
  );
}

/** Everyone else in scope (no active application for the year), by (unit path, id). */
export async function othersPage(db: Queryable, q: CandidateQuery, after: [string, string] | null, limit: number): Promise<Candidate[]> {
  const params: unknown[] = [q.year, q.yearDeadline];
  let where = scopeWhere(q, params);
  if (q.deadlines) where += ` AND $2::text::date > $${params.push(q.deadlines.after)}::date AND $2::text::date <= $${params.push(q.deadlines.through)}::date`;
  if (after) where += ` AND (p.unit_path, p.id) > ($${params.push(after[0])}, $${params.push(after[1])}::uuid)`;
  return queryRows<Candidate>(
    db,
    `SELECT p.id, p.unit_path AS "unitPath", p.unit_id AS "unitId", u.name AS "unitName", $2::text AS deadline,
            NULL::uuid AS "applicationId", NULL::text AS "targetLevel"
       FROM professional p JOIN org_node u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
      WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM title_application a
                         WHERE a.tenant_id = p.tenant_id AND a.professional_id = p.id AND a.application_year = $1 AND a.status = 'ACTIVE')
      ORDER BY p.unit_path, p.id LIMIT $${params.push(limit)}`,
    params,
  );
}

/** Everyone a walk over the whole list judges: the active people in scope that match the filter (an export's bound). */
export async function countCandidates(db: Queryable, q: Pick<CandidateQuery, 'path' | 'unitId' | 'titleSeries'>): Promise<number> {
  const params: unknown[] = [];
  const [row] = await queryRows<{ n: number }>(db, `SELECT count(*)::int AS n FROM professional p WHERE ${scopeWhere(q, params)}`, params);
  return row?.n ?? 0;
}
