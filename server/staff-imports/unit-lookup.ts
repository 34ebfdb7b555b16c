// Finds the unit each row names, a batch of rows at a time: references not seen before are
// looked up in one statement (by code and by name, inside the caller's tenant and part of
// the tree), and remembered for the rest of the file. A code wins over a name (codes are
// unique); a name must name exactly one organisation, and that one a unit.
import type { Queryable } from '../platform/sql';
import type { RowProblem, StagedRow } from './row-check';
import type { StaffImportChecksRepository, UnitHit } from './staff-import-checks.repository';
import { COLUMN_BY_KEY } from './staff-import-columns';
import type { Problem } from './staff-import-problems';

export type UnitResolution = { unitId: string } | { problem: Problem };

/** What the organisations one reference names make of it. */
export function resolveUnit(hits: readonly UnitHit[]): UnitResolution {
  const hit = hits.find((h) => h.byCode) ?? (new Set(hits.map((h) => h.id)).size === 1 ? hits[0] : undefined);
  if (!hit) return { problem: hits.length ? 'UNIT_AMBIGUOUS' : 'UNIT_UNKNOWN' };
  return hit.kind === 'UNIT' ? { unitId: hit.id } : { problem: 'NOT_A_UNIT' };
}

export class UnitLookup {
  private readonly known = new Map<string, UnitResolution>();

  constructor(
    private readonly checks: StaffImportChecksRepository,
    /** the caller's part of the tree; null: the whole tenant */
    private readonly scopePath: string | null,
  ) {}

  /** Sets the unit of each row that names one; the problems of those that do not. */
  async resolve(em: Queryable, rows: StagedRow[]): Promise<RowProblem[]> {
    const fresh = [...new Set(rows.flatMap((r) => (r.unitRef !== null && !this.known.has(r.unitRef) ? [r.unitRef] : [])))];
    const hits = await this.checks.findUnits(em, fresh, this.scopePath);
    for (const ref of fresh) this.known.set(ref, resolveUnit(hits.filter((h) => h.ref === ref)));
    const problems: RowProblem[] = [];
    for (const row of rows) {
      const found = row.unitRef === null ? undefined : this.known.get(row.unitRef);
      if (!found) continue;
      if ('unitId' in found) row.unitId = found.unitId;
      else problems.push({ rowNo: row.rowNo, columnNo: COLUMN_BY_KEY.UNIT.no, code: found.problem, detail: null });
    }
    return problems;
  }
}
