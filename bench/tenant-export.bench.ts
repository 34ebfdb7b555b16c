// Tenant export benchmark: one tenant of N professionals (the generator's COPY and set-based
// tree), each with a few recorded activities and an audit row (set-based, generate_series),
// exported with `tenant:export`'s service into one file. Prints the rows per table, the time
// to copy the rows (one REPEATABLE READ snapshot) and the whole export (tar + gzip), and the
// file's size; with --import, also restores the file into a second scratch database and times it.
// The goal: 1,000,000 people in under 2 minutes.
// npm run bench:tenant-export -- [--people 200000] [--activities 2] [--import]
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allMigrations } from '../server/app/registry';
import { openDatabases } from '../server/platform/database';
import { LocalStorage } from '../server/platform/local-storage';
import { generateProfessionals } from '../server/tools/generator';
import { exportTenant } from '../server/tenant-backup/tenant-export.service';
import { importTenant } from '../server/tenant-backup/tenant-import.service';
import { openBench, out, postgresVersion, scratchDatabase } from './bench-support';

const MB = 1024 * 1024;

async function main() {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '200000' }, activities: { type: 'string', default: '2' }, import: { type: 'boolean', default: false } } });
  const people = Number(values.people);
  const activities = Number(values.activities);
  if (!Number.isInteger(people) || people < 1) throw new Error('--people must be a positive integer');
  if (!Number.isInteger(activities) || activities < 0 || activities > 20) throw new Error('--activities must be an integer from 0 to 20');
  const { config, logger, scratch, ownerUrl, dbs } = await openBench('bench-tenant-export', 15);
  const folder = await mkdtemp(path.join(tmpdir(), 'ce-tenant-export-bench-'));
  try {
    const t0 = process.hrtime.bigint();
    const gen = await generateProfessionals({ ownerUrl, tenantCode: 'bench', count: people, seed: 16 });
    // recorded in the last `activities` years, one each; and each person's creation audited
    await dbs.owner.query(
      `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_at)
       SELECT p.tenant_id, p.id, 'publicCourse', 2026 - y, make_date(2026 - y, 3, 15), '{"hours": 15}'::jsonb, make_date(2026 - y, 3, 15) + time '12:00'
         FROM professional p CROSS JOIN generate_series(1, $2::int) y
        WHERE p.tenant_id = $1`,
      [gen.tenantId, activities],
    );
    await dbs.owner.query(
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_label, action, entity_type, entity_id, after)
       SELECT p.tenant_id, 'SYSTEM', 'bench', 'professional.create', 'professional', p.id::text, jsonb_build_object('name', p.name, 'unitId', p.unit_id)
         FROM professional p WHERE p.tenant_id = $1`,
      [gen.tenantId],
    );
    await dbs.owner.query('ANALYZE');
    const seeded = Number(process.hrtime.bigint() - t0) / 1e9;
    out(`tenant export: ${people} professionals in ${gen.units} units, ${activities} activities each, seeded in ${seeded.toFixed(1)} s (PostgreSQL ${await postgresVersion(dbs.owner)})`);

    const storage = new LocalStorage(path.join(folder, 'evidence'));
    const file = path.join(folder, 'bench.tenant.tar.gz');
    const result = await exportTenant({ ownerUrl, storage, tenantCode: 'bench', file });
    const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
    for (const t of result.manifest.tables.filter((t) => t.rows > 0)) out(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(10)} rows ${(t.bytes / MB).toFixed(1).padStart(8)} MB csv`);
    out(
      `export: ${rows} rows; rows copied in ${result.seconds.rows.toFixed(1)} s, file written in ${result.seconds.total.toFixed(1)} s ` +
        `(${(result.bytes / MB).toFixed(1)} MB gzipped); ${Math.round(people / result.seconds.total)} people/s → ` +
        `1,000,000 people ≈ ${((1_000_000 / people) * result.seconds.total).toFixed(0)} s if linear (goal < 120 s)`,
    );

    if (values.import) {
      const second = await scratchDatabase(config, logger, 'bench-tenant-import', 16);
      try {
        const target = await openDatabases({ ownerUrl: second.ownerUrl, poolSize: 1, migrations: allMigrations() });
        await target.close();
        const imported = await importTenant({ ownerUrl: second.ownerUrl, storage: new LocalStorage(path.join(folder, 'evidence-2')), file });
        out(`import into an empty database: ${imported.rows} rows in ${imported.seconds.toFixed(1)} s (checked once, then loaded in one transaction)`);
      } finally {
        await second.drop();
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
    await dbs.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
