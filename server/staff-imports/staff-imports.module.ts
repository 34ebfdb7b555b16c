// Staff import (批量导入): officials register their staff from the spreadsheet template,
// checked first (the dry run), then confirmed; the template download and the upload routes.
import { StaffImports1733710000000 } from '../../migrations/1733710000000-staff-imports';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { StaffImportChecksRepository } from './staff-import-checks.repository';
import { StaffImportConfirmService } from './staff-import-confirm.service';
import { staffImportError } from './staff-imports.errors';
import { StaffImportsRepository } from './staff-imports.repository';
import { StaffImportsResolver } from './staff-imports.resolver';
import { createStaffImportRoutes } from './staff-imports.routes';
import { StaffImportsService } from './staff-imports.service';

declare module '../platform/module' {
  interface Services {
    staffImports: StaffImportsService;
    staffImportConfirmation: StaffImportConfirmService;
  }
}

export const staffImportsModule: CapabilityModule = {
  name: 'staff-imports',
  resolvers: [StaffImportsResolver],
  createServices: ({ runtime, config, metrics }, { audit }) => {
    const repo = new StaffImportsRepository();
    const checks = new StaffImportChecksRepository();
    return {
      staffImports: new StaffImportsService(
        repo,
        checks,
        audit,
        runtime,
        { maxBytes: config.STAFF_IMPORT_MAX_BYTES, maxRows: config.STAFF_IMPORT_MAX_ROWS, dailyUploads: config.STAFF_IMPORT_DAILY_UPLOADS },
        systemClock,
        metrics,
      ),
      staffImportConfirmation: new StaffImportConfirmService(repo, checks, audit, metrics),
    };
  },
  createRoutes: createStaffImportRoutes,
  // staff_import_job, _row, _error and the daily upload counter
  migrations: [StaffImports1733710000000],
  errors: staffImportError.catalog,
};
