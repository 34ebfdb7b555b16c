// Reported completions: one set-based statement records a whole batch (the people it names,
// their completions and, for a project filed in time, their activities), and the lists of them.
import { maskIdNumber } from '../platform/id-number';
import { queryOne, queryRows, type Queryable } from '../platform/sql';
import type { TrainingCompletion, TrainingSource } from './providers.types';

/** The rows of a batch that passed the checks made in memory, as parallel arrays. */
export interface CompletionArrays {
  index: number[];
  idNumber: string[];
  name: string[];
  completedOn: string[];
  hours: number[];
}

export interface RecordCompletions {
  tenantId: string;
  projectId: string;
  batchId: string;
  /** Credit hours (an activity per new completion), or record 0 hours (a project filed late). */
  credit: boolean;
  source: TrainingSource;
  kind: string;
  /** The activity's parameters but the hours, which go under `hoursParam`. */
  params: Record<string, unknown>;
  hoursParam: string;
  recordedBy: string;
}

/** What became of one row: no such person, a name that differs, a new completion, or one already recorded. */
export interface CompletionOutcome {
  index: number;
  found: boolean;
  nameMatches: boolean;
  inserted: boolean;
}

interface CompletionRow {
  project_id: string;
  professional_id: string;
  name: string;
  id_number: string;
  completed_on: string;
  hours: number;
  activity_id: string | null;
  batch_id: string;
  reported_at: Date;
}

export class CompletionsRepository {
  /**
   * Records a batch in one statement: the rows are matched to the tenant's people by ID number
   * (row-level security keeps it to the tenant), those whose name agrees are inserted once per
   * project and person (a repeat does nothing), and each new completion of a project filed in
   * time becomes an activity of the project's kind. Activities and completions are written by
   * the same statement, so a batch is recorded whole or not at all.
   */
  async record(db: Queryable, r: RecordCompletions, rows: CompletionArrays): Promise<CompletionOutcome[]> {
    const out = await queryRows<{ idx: number; found: boolean; name_matches: boolean; inserted: boolean }>(
      db,
      `WITH input AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::float8[]) AS i(idx, id_number, name, completed_on, hours)
       ),
       matched AS (
         SELECT i.idx, i.completed_on, i.hours, p.id AS professional_id, p.name = i.name AS name_matches
           FROM input i JOIN professional p ON p.id_number = i.id_number
       ),
       completed AS (
         INSERT INTO training_completion (tenant_id, project_id, professional_id, batch_id, completed_on, hours, activity_id)
         SELECT $6, $7, m.professional_id, $8, m.completed_on, CASE WHEN $9 THEN m.hours ELSE 0 END, CASE WHEN $9 THEN gen_random_uuid() END
           FROM matched m WHERE m.name_matches
         ON CONFLICT (tenant_id, project_id, professional_id) DO NOTHING
         RETURNING professional_id, activity_id, completed_on, hours
       ),
       recorded AS (
         INSERT INTO activity (tenant_id, id, professional_id, kind, year, occurred_on, params, source, recorded_by)
         SELECT $6, c.activity_id, c.professional_id, $10, extract(year FROM c.completed_on)::int, c.completed_on,
                $11::jsonb || jsonb_build_object($12::text, c.hours), $13, $14
           FROM completed c WHERE c.activity_id IS NOT NULL
       )
       SELECT i.idx, m.professional_id IS NOT NULL AS found, COALESCE(m.name_matches, false) AS name_matches, c.professional_id IS NOT NULL AS inserted
         FROM input i LEFT JOIN matched m ON m.idx = i.idx LEFT JOIN completed c ON c.professional_id = m.professional_id
        ORDER BY i.idx`,
      [
        rows.index, rows.idNumber, rows.name, rows.completedOn, rows.hours,
        r.tenantId, r.projectId, r.batchId, r.credit, r.kind, JSON.stringify(r.params), r.hoursParam, r.source, r.recordedBy,
      ],
    );
    return out.map((o) => ({ index: o.idx, found: o.found, nameMatches: o.name_matches, inserted: o.inserted }));
  }

  /** A project's completions by person id, after the keyset position. */
  async findMany(db: Queryable, projectId: string, after: string | null, limit: number): Promise<TrainingCompletion[]> {
    const rows = await queryRows<CompletionRow>(
      db,
      `SELECT c.project_id, c.professional_id, p.name, p.id_number, c.completed_on::text AS completed_on, c.hours, c.activity_id, c.batch_id, c.reported_at
         FROM training_completion c JOIN professional p ON p.tenant_id = c.tenant_id AND p.id = c.professional_id
        WHERE c.project_id = $1 AND ($3::uuid IS NULL OR c.professional_id > $3::uuid)
        ORDER BY c.professional_id LIMIT $2`,
      [projectId, limit, after],
    );
    return rows.map((r) => ({
      projectId: r.project_id,
      professionalId: r.professional_id,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      completedOn: r.completed_on,
      hours: r.hours,
      activityId: r.activity_id,
      batchId: r.batch_id,
      reportedAt: r.reported_at,
    }));
  }

  async count(db: Queryable, projectId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM training_completion WHERE project_id = $1`, [projectId]);
    return row?.n ?? 0;
  }
}
