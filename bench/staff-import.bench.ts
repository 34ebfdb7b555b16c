// Staff import benchmark: a unit-filled tenant (10,000 people registered), and a 50,000-row
// workbook written as Excel would (in a child process, so this process's memory is the
// server's): 45,000 new people and 5,000 registered ones with a new title level. It is
// uploaded (POST /staff-imports: streamed to a temporary file, checked, read as a stream,
// staged and checked set-based: the dry run), then confirmed (confirmStaffImport, one
// transaction), then the same file again (all unchanged). Prints each step's time and the
// server process's peak RSS (sampled every 20 ms). Targets: upload + confirmation under
// 30 s, memory under 300 MB.
// npm run bench:staff-import -- [--rows 50000]
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPeopleGenerator, REGION_CITIES } from '../server/demo/synthetic-people';
import { TITLE_LEVEL_LABELS, TITLE_SERIES_LABELS, type TitleLevel, type TitleSeries } from '../server/engine/titles';
import { Client } from 'pg';
import { pgQueryable, queryRows } from '../server/platform/sql';
import { generateProfessionals } from '../server/tools/generator';
import { benchOfficialToken, openBench, out, postgresVersion, requireRow, startBenchServer, type GraphqlResponse } from './bench-support';

const TARGET_MS = 30_000;
const TARGET_RSS_MB = 300;
const REGISTERED = 10_000;
const SEED = 13;
const HEADERS = ['姓名*', '身份证号码*', '所在单位*', '职称级别*', '职称系列*', '单位性质', '手机号码', '入职本单位日期*'];

interface FilePlan {
  file: string;
  rows: number;
  ownerUrl: string;
  tenantId: string;
}

/** The child's work: write the workbook row by row (exceljs' streaming writer, shared strings as Excel keeps them). */
async function writeWorkbook(plan: FilePlan): Promise<void> {
  const client = new Client({ connectionString: plan.ownerUrl });
  await client.connect();
  const db = pgQueryable(client);
  const units = await queryRows<{ name: string }>(db, `SELECT name FROM org_node WHERE tenant_id = $1 AND kind = 'UNIT' ORDER BY path`, [plan.tenantId]);
  const updates = Math.min(Math.floor(plan.rows / 10), REGISTERED);
  // registered people, each in their own unit, moving one title level up (or down from the top)
  const registered = await queryRows<{ id_number: string; name: string; unit: string; title_level: TitleLevel; title_series: TitleSeries; phone: string; joined: string }>(
    db,
    `SELECT p.id_number, p.name, o.name AS unit, p.title_level, p.title_series, p.phone, p.joined_unit_on::text AS joined
       FROM professional p JOIN org_node o ON o.tenant_id = p.tenant_id AND o.id = p.unit_id WHERE p.tenant_id = $1 ORDER BY p.id LIMIT $2`,
    [plan.tenantId, updates],
  );
  await client.end();
  // the generator's own people (its seed and regions) past those it registered: never one of them
  const people = createPeopleGenerator({ seed: SEED, regionCodes: Object.values(REGION_CITIES).flatMap((c) => c.codes) });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: plan.file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('人员信息');
  sheet.addRow(HEADERS).commit();
  const levels = Object.keys(TITLE_LEVEL_LABELS) as TitleLevel[];
  for (const r of registered) {
    const next = levels[(levels.indexOf(r.title_level) + 1) % levels.length]!;
    sheet.addRow([r.name, r.id_number, r.unit, TITLE_LEVEL_LABELS[next], TITLE_SERIES_LABELS[r.title_series], null, r.phone, r.joined]).commit();
  }
  for (let i = 0; i < plan.rows - registered.length; i++) {
    const p = people.next(REGISTERED + i);
    sheet.addRow([p.name, p.idNumber, units[i % units.length]!.name, TITLE_LEVEL_LABELS[p.titleLevel], TITLE_SERIES_LABELS[p.titleSeries], null, p.mobile, p.joinedOn]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The peak of this process's resident memory while `work` runs. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = process.hrtime.bigint();
  try {
    const value = await work();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576, ms: Number(process.hrtime.bigint() - t) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, 'write-file': { type: 'string' } } });
  if (values['write-file']) return writeWorkbook(JSON.parse(values['write-file']) as FilePlan);
  const rows = Number(values.rows);
  const { logger, scratch, ownerUrl, dbs } = await openBench('bench-staff-import', 12);
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'binzhou', count: REGISTERED, seed: SEED });
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-staff-import-'));
  const file = path.join(dir, '专业技术人员信息导入表.xlsx');
  try {
    let t = process.hrtime.bigint();
    execFileSync(process.execPath, [__filename, '--write-file', JSON.stringify({ file, rows, ownerUrl, tenantId: gen.tenantId } satisfies FilePlan)], { stdio: 'inherit' });
    out(`staff import: ${rows} rows (${Math.min(Math.floor(rows / 10), REGISTERED)} of them registered people with a new title), ${gen.units} units, ${REGISTERED} people registered (PostgreSQL ${await postgresVersion(dbs.owner)})`);
    out(`  workbook written in a child process: ${(statSync(file).size / 1048576).toFixed(1)} MB in ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`);

    const server = await startBenchServer(dbs.runtime, logger, { STAFF_IMPORT_MAX_ROWS: String(Math.max(rows, 100000)) });
    const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
    const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.import', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
    const auth = { authorization: `Bearer ${token}` };
    const baseMb = process.memoryUsage().rss / 1048576;

    type Job = { id: string; totalRows: number; validRows: number; errorCount: number; toCreate: number; toUpdate: number; toLeaveUnchanged: number };
    const upload = async (): Promise<Job> => {
      const form = new FormData();
      // a file-backed Blob: the client does not hold the file either
      form.append('file', await openAsBlob(file), path.basename(file));
      const res = await fetch(`${server.url}/staff-imports`, { method: 'POST', body: form, headers: auth });
      const body = (await res.json()) as Job;
      if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const firstErrors = async (id: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: `query($id: ID!) { staffImport(id: $id) { errors(first: 5) { nodes { row column message } } } }`, variables: { id } }),
      });
      return JSON.stringify(((await res.json()) as GraphqlResponse<{ staffImport: { errors: { nodes: unknown[] } } }>).data.staffImport.errors.nodes);
    };
    const confirm = async (id: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: `mutation($id: ID!) { confirmStaffImport(id: $id, mode: ALL) { result { created updated unchanged skipped } } }`, variables: { id } }),
      });
      const answer = (await res.json()) as GraphqlResponse<{ confirmStaffImport: { result: { created: number; updated: number; unchanged: number } } }>;
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data.confirmStaffImport.result;
    };

    t = process.hrtime.bigint();
    const first = await peakRss(async () => {
      const dry = await peakRss(upload);
      if (dry.value.errorCount) throw new Error(`the generated file has errors: ${await firstErrors(dry.value.id)}`);
      const done = await peakRss(() => confirm(dry.value.id));
      return { dry, done };
    });
    const { dry, done } = first.value;
    out(`  upload + dry run: ${(dry.ms / 1000).toFixed(1)} s (peak RSS ${dry.peakMb.toFixed(0)} MB) — ${dry.value.totalRows} rows, ${dry.value.validRows} valid, ${dry.value.toCreate} to create, ${dry.value.toUpdate} to update`);
    out(`  confirmation (one transaction, with ${done.value.created + done.value.updated} audit rows): ${(done.ms / 1000).toFixed(1)} s (peak RSS ${done.peakMb.toFixed(0)} MB) — created ${done.value.created}, updated ${done.value.updated}, unchanged ${done.value.unchanged}`);
    out(`  total ${(first.ms / 1000).toFixed(1)} s; target < ${TARGET_MS / 1000} s: ${first.ms < TARGET_MS ? 'met' : 'NOT met'}`);
    out(`  server process RSS: ${baseMb.toFixed(0)} MB before, peak ${first.peakMb.toFixed(0)} MB during the import; target < ${TARGET_RSS_MB} MB: ${first.peakMb < TARGET_RSS_MB ? 'met' : 'NOT met'}`);

    const again = await peakRss(async () => {
      const d = await upload();
      return { d, c: await confirm(d.id) };
    });
    out(`  the same file again: ${(again.ms / 1000).toFixed(1)} s — ${again.value.d.toLeaveUnchanged} unchanged in the dry run; confirmed: created ${again.value.c.created}, updated ${again.value.c.updated}, unchanged ${again.value.c.unchanged}; peak RSS ${again.peakMb.toFixed(0)} MB`);
    out(`  process max RSS over the whole run (getrusage): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    await server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dbs.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
