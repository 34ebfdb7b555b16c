// npm run tenant:export -- <code> [--out file]
// Writes one file (gzipped tar) with every row of the tenant and its evidence files, read
// in one snapshot. Runs as the database owner (DATABASE_URL, or the embedded database with
// the server stopped); see docs/OPERATIONS.md, "Backups per tenant".
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { exportTenant } from '../tenant-backup/tenant-export.service';
import { failWith, withOperatorDatabase } from './operator-database';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  const [code] = positionals;
  if (!code || positionals.length > 1) throw new Error('usage: npm run tenant:export -- <tenant code> [--out file]');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const file = values.out ?? `${code}-${stamp}.tenant.tar.gz`;
  const result = await withOperatorDatabase(({ ownerUrl, storage }) => exportTenant({ ownerUrl, storage, tenantCode: code, file }));
  const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
  process.stdout.write(
    `exported tenant ${code}: ${rows} rows in ${result.manifest.tables.length} tables, ${result.manifest.evidence.length} files, ` +
      `schema ${result.manifest.schemaVersion} → ${file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${result.seconds.total.toFixed(1)} s\n`,
  );
}

main().catch(failWith('tenant export'));
