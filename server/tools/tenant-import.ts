// npm run tenant:import -- <file> [--as <new code>]
// Restores a file written by tenant:export into this database (migrated first): all or
// nothing, refused when the schema version differs or the tenant's code or id is taken.
// Runs as the database owner; see docs/OPERATIONS.md, "Backups per tenant".
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { importTenant } from '../tenant-backup/tenant-import.service';
import { failWith, withOperatorDatabase } from './operator-database';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error('usage: npm run tenant:import -- <file> [--as <new code>]');
  const result = await withOperatorDatabase(({ ownerUrl, storage }) => importTenant({ ownerUrl, storage, file, asCode: values.as }));
  process.stdout.write(
    `imported tenant ${result.tenant.code} (${result.tenant.id}): ${result.rows} rows, ${result.files} files in ${result.seconds.toFixed(1)} s\n`,
  );
}

main().catch(failWith('tenant import'));
