// A certificate's PDF (target: under 300 ms). Three figures:
//  1. in this process, cold: parsing the two Noto Sans SC fonts (once per process), then the
//     first PDF (subsetting and JIT warm-up);
//  2. in this process, warm: the renderer alone, `--runs` PDFs one after another;
//  3. through the API: GET /certificates/:id/pdf with a bearer token (authentication, the
//     scoped read under row-level security, the PDF, the response), client-observed.
//
//   npm run bench:certificate [-- --runs 50]
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { certificateFont } from '../server/certificates/certificate-font';
import { renderCertificatePdf } from '../server/certificates/certificate-pdf';
import type { CertificateRecord } from '../server/certificates/certificate-record';
import { makeIdNumber } from '../server/platform/id-number';
import { queryRows } from '../server/platform/sql';
import { inTransaction } from '../server/platform/transaction';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { provisionTenant } from '../server/tenants/tenants.repository';
import { benchOfficialToken, type GraphqlResponse, median, openBench, out, p95, requireRow, startBenchServer } from './bench-support';

const TARGET_MS = 300;
const YEAR = Number(new Date().toISOString().slice(0, 4)) - 1;

const sample: CertificateRecord = {
  id: 'bench',
  professionalId: 'bench',
  unitPath: '/1/',
  code: '7KQ2M9XDA4TR8WPZ3HNB6CJE5F',
  scope: 'TITLE_WINDOW',
  title: '滨州市专业技术人员继续教育合格证',
  holderName: '欧阳明轩',
  idNumber: '3716**********1234',
  years: [2021, 2022, 2023, 2024, 2025],
  lines: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, regime: 'HOURS' as const, publicHours: 32.5, professionalHours: 64, totalHours: 96.5, complete: true, policyRevision: 1 })),
  issuingBody: '滨州市人力资源和社会保障局',
  issuedOn: '2026-03-01',
  policyRevisions: [1, 2],
  targetLevel: 'DEPUTY_SENIOR',
  applicationYear: 2025,
  issuedBy: 'bench',
  createdAt: new Date(),
  revokedAt: null,
};
const URL_OF_SAMPLE = `https://ce.example.gov.cn/verify/${sample.code}`;

const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
const verdict = (ms: number) => (ms < TARGET_MS ? 'met' : 'NOT met');

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
  const runs = Number(values.runs);
  out(`certificate PDF (target < ${TARGET_MS} ms), Node ${process.version}`);

  let t0 = performance.now();
  certificateFont();
  out(`  font parsed (Noto Sans SC Regular, 8 MB of OTF, once per process): ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  const first = await renderCertificatePdf(sample, URL_OF_SAMPLE);
  out(`  first PDF in this process (5-year window): ${(performance.now() - t0).toFixed(0)} ms, ${(first.length / 1024).toFixed(0)} KiB`);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await renderCertificatePdf(sample, URL_OF_SAMPLE);
    warm.push(performance.now() - t0);
  }
  out(`  renderer, warm, ${runs} PDFs one after another: ${fmt(warm)}; target: ${verdict(median(warm))}`);

  // through the API, on a scratch database: a Jining person with a complete, certified year
  const { logger, scratch, dbs } = await openBench('bench-certificate', 6);
  const server = await startBenchServer(dbs.runtime, logger);
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('jining')!;
  const { tenantId, bureauId, personId } = await inTransaction(dbs.owner, { tenantId: null, operator: true }, async (em) => {
    const { tenant, bureauId } = await provisionTenant(em, { code: 'benchcert', name: '压测市', bureauName: '压测市人力资源和社会保障局' });
    const [unit] = await queryRows<{ id: string }>(em, `INSERT INTO org_node (tenant_id, parent_id, kind, name, path, depth) VALUES ($1, $2, 'UNIT', '压测医院', '', 0) RETURNING id`, [
      tenant.id,
      bureauId,
    ]);
    const [person] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, joined_unit_on)
       SELECT $1, $2, '欧阳明轩', 'MALE', '1985-03-12', o.id, o.path, 'INTERMEDIATE', 'HEALTH', '2010-07-01' FROM org_node o WHERE o.id = $3 RETURNING id`,
      [tenant.id, makeIdNumber('370811', '19850312', 123), unit!.id],
    );
    return { tenantId: tenant.id, bureauId, personId: person!.id };
  });
  await publishInitialPolicy(dbs.owner, tenantId, policy, 'bench');
  const token = await benchOfficialToken(dbs.owner, server, { tenantId, username: 'bureau', role: 'BUREAU_OFFICIAL', orgNodeId: bureauId });
  const gql = async <T>(query: string, variables: object): Promise<T> => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as GraphqlResponse<T>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const record = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
  for (const [kind, params] of [
    ['publicCompulsory', { series: 'xiThought', hours: 20 }],
    ['publicElective', { hours: 10 }],
    ['professionalCourse', { hours: 30 }],
    ['professionalCourse', { hours: 30 }],
  ] as const) {
    await gql(record, { i: { professionalId: personId, year: YEAR, date: `${YEAR}-03-10`, kind, params } });
  }
  await gql(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { year } }`, { p: personId, y: YEAR });
  const { issueCertificate: c } = await gql<{ issueCertificate: { id: string } }>(`mutation($i: IssueCertificateInput!) { issueCertificate(input: $i) { id } }`, {
    i: { professionalId: personId, years: [YEAR] },
  });
  await requireRow(dbs.owner, `SELECT 1 FROM certificate WHERE id = $1`, [c.id]);
  const download = async () => {
    const start = performance.now();
    const res = await fetch(`${server.url}/certificates/${c.id}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`download answered ${res.status}`);
    return { ms: performance.now() - start, bytes };
  };
  const api: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const d = await download();
    api.push(d.ms);
    size = d.bytes;
  }
  out(`  API, GET /certificates/:id/pdf (one year), ${runs} downloads one after another: ${fmt(api)}, ${(size / 1024).toFixed(0)} KiB; target: ${verdict(median(api))}`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
