// Exports: the officials' lists (staff, completion statistics, who is short, the audit log)
// as .xlsx files streamed from POST /exports/<kind>.xlsx, through the lists' own services.
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ExportLimits1733720000000 } from '../../migrations/1733720000000-export-limits';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { AuditEventsExport } from './audit-events.export';
import type { ExportKind } from './export-kind';
import { ExportLimits } from './export-limits';
import { exportError } from './exports.errors';
import { createExportRoutes } from './exports.routes';
import { ExportsService } from './exports.service';
import { ProfessionalsExport } from './professionals.export';
import { ShortfallsExport } from './shortfalls.export';
import { StatisticsExport } from './statistics.export';

declare module '../platform/module' {
  interface Services {
    exports: ExportsService;
  }
}

/** One list of kinds, each with its own argument type. */
const anyKind = <Args>(kind: ExportKind<Args>) => kind as unknown as ExportKind<unknown>;

export const exportsModule: CapabilityModule = {
  name: 'exports',
  createServices: ({ runtime, config }, { professionals, organisations, statistics, shortfalls, auditEvents, audit }) => {
    // the runtime role's pool (no transaction, no tenant): the limit table is shared by all server processes
    const pool = (runtime.driver as PostgresDriver).master as Pool;
    const kinds = [
      anyKind(new ProfessionalsExport(professionals, organisations)),
      anyKind(new StatisticsExport(statistics)),
      anyKind(new ShortfallsExport(shortfalls)),
      anyKind(new AuditEventsExport(auditEvents)),
    ];
    const limits = new ExportLimits(pool, { points: config.EXPORT_RATE_LIMIT, windowSeconds: config.EXPORT_RATE_WINDOW_SECONDS });
    const settings = { maxRows: config.EXPORT_MAX_ROWS, statementTimeoutMs: config.EXPORT_STATEMENT_TIMEOUT_MS, concurrency: config.EXPORT_CONCURRENCY };
    return { exports: new ExportsService(kinds, limits, audit, runtime, settings, systemClock) };
  },
  createRoutes: createExportRoutes,
  // the rate limit's table
  migrations: [ExportLimits1733720000000],
  errors: exportError.catalog,
};
