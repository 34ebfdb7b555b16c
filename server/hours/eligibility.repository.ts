// What title eligibility reads of each applicant's record, in one statement per slice of
// applicants: the activities still counting and the withdrawn ones that explain a changed
// verdict. A batch of 5,000 applicants × 5 years is 250,000 activities; the statement is
// shaped for that (see docs/ARCHITECTURE.md, "Batch eligibility").
import type { ActivityInput } from '../engine';
import { queryRows, type Queryable } from '../platform/sql';
import type { WithdrawnActivity } from './withdrawals.repository';

/** One applicant's record up to the application year. */
export class EligibilityRecord {
  constructor(
    /** The activities still counting as JSON text (decoded when judged, see activities()). */
    private readonly activitiesJson: string | null,
    /** Withdrawn activities, in (year, id) order. */
    readonly withdrawn: readonly WithdrawnActivity[],
  ) {}

  /**
   * The activities still counting, in (year, id) order: decoded anew by each call, just before
   * the engine reads them, so that they die young (a slice of applicants decoded at once would
   * outlive minor collections and be copied into the old generation).
   */
  activities(): ActivityInput[] {
    return this.activitiesJson === null ? [] : (JSON.parse(this.activitiesJson) as ActivityInput[]);
  }
}

/**
 * Each activity as the engine's ActivityInput, written as JSON text by concatenation: that
 * costs PostgreSQL about half of json_build_array, and JSON.parse then yields the engine's
 * objects themselves. No part needs escaping: ids and dates are fixed formats (dates as ISO
 * text, as everywhere in this code base), `kind` is checked against ^[A-Za-z][A-Za-z0-9_]{0,63}$,
 * params is jsonb's own JSON text, and to_json writes the adjusted hours (as json_build_array
 * would). The recording date is given for the application year only: the engine reads it
 * against the title deadline, which only that year has (its conversion to a Shanghai date is
 * the costliest part of the line).
 */
const ACTIVITY_JSON = `'{"id":"' || a.id || '","kind":"' || a.kind || '","year":' || a.year
  || COALESCE(',"date":"' || a.occurred_on || '"', '') || ',"params":' || a.params
  || CASE WHEN a.year = $2 THEN ',"recordedOn":"' || (a.recorded_at AT TIME ZONE 'Asia/Shanghai')::date || '"' ELSE '' END
  || COALESCE(',"adjustedHours":{"PUBLIC":' || to_json(a.adjusted_public) || ',"PROFESSIONAL":' || to_json(a.adjusted_professional) || '}', '')
  || '}'`;

/**
 * One row per applicant with activities. The index (tenant_id, professional_id, year, id)
 * hands the rows over in the aggregates' order, so nothing is sorted; the declaration's kind
 * name is looked up for withdrawn activities only (FILTER skips the others' arguments).
 */
const RECORDS_SQL = `SELECT a.professional_id,
    '[' || string_agg(${ACTIVITY_JSON}, ',' ORDER BY a.year, a.id) FILTER (WHERE a.withdrawn_at IS NULL) || ']' AS activities,
    json_agg(json_build_array(a.year,
        COALESCE((SELECT d.kind_name FROM declaration d WHERE d.tenant_id = a.tenant_id AND d.id = a.declaration_id), a.kind),
        a.withdrawal_reason) ORDER BY a.year, a.id) FILTER (WHERE a.withdrawn_at IS NOT NULL)::text AS withdrawn
  FROM activity a
 WHERE a.professional_id = ANY($1::uuid[]) AND a.year <= $2
 GROUP BY a.professional_id`;

type RecordRow = { professional_id: string; activities: string | null; withdrawn: string | null };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const ignore = () => undefined;

/**
 * The records of these applicants up to the application year, slice by slice (one statement
 * each, `sliceSize` applicants). The next slice's statement is sent before this slice is decoded
 * and handed over, so PostgreSQL reads it while the caller judges this one.
 */
export async function* eligibilityRecordSlices(db: Queryable, ids: readonly string[], applicationYear: number, sliceSize: number): AsyncGenerator<Map<string, EligibilityRecord>> {
  const read = (from: number) => queryRows<RecordRow>(db, RECORDS_SQL, [ids.slice(from, from + sliceSize), applicationYear]);
  let pending = ids.length ? read(0) : null;
  for (let from = 0; pending !== null; from += sliceSize) {
    const rows = await pending;
    pending = from + sliceSize < ids.length ? read(from + sliceSize) : null;
    if (pending !== null) {
      // handled when awaited; until then a failure must not count as unhandled
      pending.catch(ignore);
      // a turn of the event loop: the statement leaves before this slice is decoded
      await nextTurn();
    }
    yield decode(rows);
  }
}

function decode(rows: readonly RecordRow[]): Map<string, EligibilityRecord> {
  const out = new Map<string, EligibilityRecord>();
  for (const row of rows) {
    const professionalId = row.professional_id;
    const withdrawn =
      row.withdrawn === null
        ? []
        : (JSON.parse(row.withdrawn) as [number, string, string][]).map(([year, kind, reason]) => ({ professionalId, year, kind, reason }));
    out.set(professionalId, new EligibilityRecord(row.activities, withdrawn));
  }
  return out;
}
