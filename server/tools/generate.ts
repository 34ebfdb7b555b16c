// npm run generate -- --tenant <code> --count <N> [--seed <n>]
// Uses DATABASE_URL, or the product's embedded database (stop the server first).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { generateProfessionals } from './generator';
import { failWith, withOperatorDatabase } from './operator-database';

async function main() {
  const { values } = parseArgs({
    options: { tenant: { type: 'string', default: 'generated' }, count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 20_000_000) throw new Error('--count must be an integer between 1 and 20000000');
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(values.tenant)) throw new Error('--tenant must be a tenant code such as bench');
  await withOperatorDatabase(async ({ ownerUrl }) => {
    let shown = 0;
    const result = await generateProfessionals({
      ownerUrl,
      tenantCode: values.tenant,
      count,
      seed: Number(values.seed),
      onProgress: (done) => {
        if (done - shown >= 100_000) {
          shown = done;
          process.stdout.write(`  ${done} rows\n`);
        }
      },
    });
    process.stdout.write(
      `generated ${result.rows} professionals in tenant ${values.tenant} (${result.departments} departments, ${result.units} units) ` +
        `in ${result.seconds.toFixed(1)} s: ${Math.round(result.rowsPerSecond)} rows/s\n`,
    );
  });
}

main().catch(failWith('generate'));
