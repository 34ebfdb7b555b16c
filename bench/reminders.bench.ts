// Deadline reminders benchmark: a tenant of N professionals (default 50,000), 20 % short of
// hours, every short person with an account and an e-mail address, one official per unit; a
// run on the day 60 days before Dec 31 with e-mail going to an SMTP server in this process,
// then the same run by two processes at once on the next reminder day (30 days before), then
// a run with e-mail off (7 days before): the database and the engine alone.
// npm run bench:reminders -- [--count 50000]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createServices } from '../server/app/registry';
import { loadConfig } from '../server/platform/config';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { generateProfessionals } from '../server/tools/generator';
import { openBench, out, postgresVersion, requireRow } from './bench-support';

const Y = 2026;

async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '50000' } } });
  const n = Number(values.count);
  const { config, logger, scratch, ownerUrl, dbs } = await openBench('bench-reminders', 7);
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 13 });
  await publishInitialPolicy(dbs.owner, gen.tenantId, loadPolicyFiles(config.POLICY_DIR).get('qingdao')!, 'bench');
  // 80 % complete (30 + 60), 20 % short (30 + 20); the short ones have an account with an address
  await dbs.owner.query(
    `INSERT INTO activity (tenant_id, professional_id, kind, year, params)
     SELECT tenant_id, id, 'transferIn', $2, jsonb_build_object('fromPlace', '压测', 'publicHours', 30, 'professionalHours', CASE WHEN hashtext(id::text) % 5 = 0 THEN 20 ELSE 60 END)
       FROM professional WHERE tenant_id = $1`,
    [gen.tenantId, Y],
  );
  await dbs.owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, email)
     SELECT tenant_id, id_number, name, 'PROFESSIONAL', unit_id, id, 'p' || left(md5(id::text), 12) || '@bench.test'
       FROM professional WHERE tenant_id = $1 AND hashtext(id::text) % 5 = 0`,
    [gen.tenantId],
  );
  await dbs.owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, email)
     SELECT tenant_id, 'unit-' || node_no, '经办人', 'UNIT_OFFICIAL', id, 'u' || node_no || '@bench.test' FROM org_node WHERE tenant_id = $1 AND kind = 'UNIT'`,
    [gen.tenantId],
  );
  await dbs.owner.query('ANALYZE');
  const { short, units } = await requireRow<{ short: number; units: number }>(
    dbs.owner,
    `SELECT (SELECT count(*)::int FROM account WHERE tenant_id = $1 AND role = 'PROFESSIONAL') AS short,
            (SELECT count(*)::int FROM org_node WHERE tenant_id = $1 AND kind = 'UNIT') AS units`,
    [gen.tenantId],
  );

  const day = { today: '' };
  const clock = { today: () => day.today };
  const env = loadConfig({ NODE_ENV: 'test', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'bench <bench@bench.test>' });
  const build = () => createServices({ runtime: dbs.runtime, config: env, jwtSecret: 'b'.repeat(40), clock }).reminders;
  const one = build();
  const other = build();
  const log = logger.child({ bench: 'reminders' });

  out(`deadline reminders: ${n} professionals, ${short} short (each with an address), ${units} unit officials (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  day.today = `${Y}-11-01`;
  let t = process.hrtime.bigint();
  const run = await one.runTenant(gen.tenantId, log);
  let ms = Number(process.hrtime.bigint() - t) / 1e6;
  out(`  Nov 1 (60 days before): ${(ms / 1000).toFixed(1)} s, ${run.reminded} reminded, ${run.digests} digests, ${run.mailed} e-mails (${mails} received), ${(run.reminded / (ms / 1000)).toFixed(0)} people/s`);

  mails = 0;
  day.today = `${Y}-12-01`;
  t = process.hrtime.bigint();
  const runs = await Promise.all([one.runTenant(gen.tenantId, log), other.runTenant(gen.tenantId, log)]);
  ms = Number(process.hrtime.bigint() - t) / 1e6;
  out(`  Dec 1 (30 days before), two processes at once: ${(ms / 1000).toFixed(1)} s, reminded ${runs.map((r) => r.reminded).join(' + ')}, skipped ${runs.map((r) => r.skipped ?? '-').join(' / ')}, ${mails} e-mails received`);

  // the same run without e-mail (no SMTP settings): what the database and the engine cost alone
  day.today = `${Y}-12-24`;
  const quiet = createServices({ runtime: dbs.runtime, config: loadConfig({ NODE_ENV: 'test' }), jwtSecret: 'b'.repeat(40), clock }).reminders;
  t = process.hrtime.bigint();
  const silent = await quiet.runTenant(gen.tenantId, log);
  ms = Number(process.hrtime.bigint() - t) / 1e6;
  out(`  Dec 24 (7 days before), e-mail off: ${(ms / 1000).toFixed(1)} s, ${silent.reminded} reminded, ${silent.digests} digests, ${(silent.reminded / (ms / 1000)).toFixed(0)} people/s`);

  const { rows } = await requireRow<{ rows: number }>(dbs.owner, `SELECT count(*)::int AS rows FROM reminder_ledger WHERE tenant_id = $1`, [gen.tenantId]);
  out(`  ledger rows: ${rows} (three reminder days × ${run.reminded})`);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
