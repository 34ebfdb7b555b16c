// Export benchmark: a tenant of N professionals (default 100,000; the generator's COPY, set-based
// tree), and the bureau's whole staff list exported as .xlsx through POST /exports/professionals.xlsx,
// read by the client as it streams. Prints the time to the first byte and to the last, the size,
// the process's resident memory before and at its peak during the export (server and client run
// in this one process), then reads the file back with exceljs's streaming reader to count its rows.
// The heap's peak is mostly garbage V8 has not yet collected: run it as
// `node --expose-gc --max-old-space-size=96 dist/bench/export.bench.js` to see the export complete
// in a 96 MB heap, i.e. the rows are not held.
// npm run bench:export -- [--count 100000] [--runs 3]
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { queryOne } from '../server/platform/sql';
import { generateProfessionals } from '../server/tools/generator';
import { benchOfficialToken, median, openBench, out, postgresVersion, requireRow, startBenchServer } from './bench-support';

const MB = 1024 * 1024;

async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
  const n = Number(values.count);
  const runs = Number(values.runs);
  const { logger, scratch, ownerUrl, dbs } = await openBench('bench-export', 9);
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 13 });
  await dbs.owner.query('ANALYZE');
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  // the cap above the bench's count; the rate limit above its runs
  const server = await startBenchServer(dbs.runtime, logger, { EXPORT_MAX_ROWS: String(Math.max(200000, n)), EXPORT_RATE_LIMIT: '100' });
  const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.export', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
  const folder = await mkdtemp(path.join(tmpdir(), 'ce-export-bench-'));
  const file = path.join(folder, 'staff.xlsx');
  out(`export of the staff list: ${gen.rows} professionals in ${gen.units} units (PostgreSQL ${await postgresVersion(dbs.owner)})`);

  const once = async () => {
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    let heapPeak = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 20);
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${server.url}/exports/professionals.xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ filter: {} }),
    });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    const firstByte = Number(process.hrtime.bigint() - t0) / 1e6;
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(file));
    const total = Number(process.hrtime.bigint() - t0) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { firstByte, total, baseline: before.rss, peak, heapBefore: before.heapUsed, heapPeak, bytes: (await stat(file)).size };
  };

  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    results.push(r);
    out(`  run ${i + 1}: first byte ${r.firstByte.toFixed(0)} ms, whole file ${(r.total / 1000).toFixed(2)} s, ${(r.bytes / MB).toFixed(1)} MB; RSS ${(r.baseline / MB).toFixed(0)} MB before, peak ${(r.peak / MB).toFixed(0)} MB; JS heap ${(r.heapBefore / MB).toFixed(0)} MB before, peak ${(r.heapPeak / MB).toFixed(0)} MB`);
  }
  out(`  median: whole file ${(median(results.map((r) => r.total)) / 1000).toFixed(2)} s (${((n / median(results.map((r) => r.total))) * 1000).toFixed(0)} rows/s), peak RSS ${(Math.max(...results.map((r) => r.peak)) / MB).toFixed(0)} MB`);

  // the last file read back as a stream: every row there, the header first
  let rows = 0;
  let header: unknown[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (rows === 0) header = (row.values as unknown[]).slice(1);
      rows++;
    }
  }
  out(`  read back: ${rows - 1} data rows (${rows - 1 === gen.rows ? 'all' : `expected ${gen.rows}`}); header ${header.join(' | ')}`);

  // a client that goes away after the first bytes: the export stops, and its audit row says so
  const ac = new AbortController();
  const res = await fetch(`${server.url}/exports/professionals.xlsx`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ filter: {} }),
    signal: ac.signal,
  });
  await res.body!.getReader().read();
  ac.abort();
  // the audit row of the abandoned export is the (runs + 1)th, written once the server noticed
  type Row = { after: { rows: number; complete: boolean } };
  let audit: Row | null = null;
  for (let i = 0; i < 300 && !audit; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    audit = await queryOne<Row>(dbs.owner, `SELECT after FROM audit_log WHERE tenant_id = $1 AND action = 'export.professionals' ORDER BY id OFFSET $2 LIMIT 1`, [gen.tenantId, runs]);
  }
  out(`  abandoned after the first bytes: audit row says complete=${audit?.after.complete}, ${audit?.after.rows} rows written`);

  await rm(folder, { recursive: true, force: true });
  await server.stop();
  await dbs.close();
  await scratch.drop();
  if (rows - 1 !== gen.rows) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
