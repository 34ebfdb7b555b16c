// Backups per tenant: a demo tenant (under a code of its own) with uploaded evidence is
// exported, imported into a fresh database, and comes back row for row and byte for byte;
// an import into a database that has the tenant, of a damaged file, or of another schema
// version is refused and changes nothing.
import { randomBytes } from 'node:crypto';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import * as tar from 'tar-stream';
import { allMigrations } from '../../server/app/registry';
import { DEMO_TENANTS } from '../../server/demo/demo-data';
import { seedDemoLife } from '../../server/demo/demo-life';
import { seedDemoTenant } from '../../server/demo/demo-seed';
import { chinaToday } from '../../server/platform/clock';
import { openDatabases } from '../../server/platform/database';
import { LocalStorage } from '../../server/platform/local-storage';
import { createLogger, type Logger } from '../../server/platform/logger';
import { applySettings } from '../../server/platform/transaction';
import { pgQueryable } from '../../server/platform/sql';
import { loadAllPolicies } from '../../server/policy';
import { publishInitialPolicy } from '../../server/policy/initial-policies';
import type { Manifest } from '../../server/tenant-backup/tenant-archive';
import { exportTenant } from '../../server/tenant-backup/tenant-export.service';
import { importTenant } from '../../server/tenant-backup/tenant-import.service';
import { jpeg, pdf, upload } from '../evidence/evidence-support';
import { startTestApp, type TestApp } from '../support/harness';

const linyi = DEMO_TENANTS.find((t) => t.code === 'linyi')!;
const policy = loadAllPolicies(path.join(__dirname, '../../tenants')).get('linyi')!;
const sourceUrl = () => process.env.TEST_DATABASE_URL!;

let app: TestApp;
let folder: string;
let file: string;
let manifest: Manifest;
let tenantId: string;
const code = `bk${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const databases: string[] = [];

/** A new database on the test server, migrated as global setup migrates the test database. */
async function freshDatabase(): Promise<string> {
  const name = `ce_backup_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: sourceUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  databases.push(name);
  const url = new URL(sourceUrl());
  url.pathname = `/${name}`;
  const dbs = await openDatabases({ ownerUrl: url.toString(), poolSize: 1, migrations: allMigrations() });
  await dbs.close();
  return url.toString();
}

/** Runs `work` in an owner's transaction that sees the tenant (and, as operator, the tenant table). */
async function asOwner<T>(url: string, tenant: string | null, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await applySettings(pgQueryable(client), { tenantId: tenant, operator: true });
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

/** Every row of the tenant in every table the manifest lists, all columns, as sorted JSON text. */
async function tenantRows(url: string): Promise<Record<string, string[]>> {
  return asOwner(url, tenantId, async (c) => {
    const out: Record<string, string[]> = {};
    for (const t of manifest.tables) {
      const key = t.name === 'tenant' ? 'id' : 'tenant_id';
      const cols = t.columns.map((n) => `"${n}"`).join(', ');
      const { rows } = await c.query(`SELECT to_jsonb(x)::text AS r FROM (SELECT ${cols} FROM "${t.name}" WHERE ${key} = $1) x`, [tenantId]);
      out[t.name] = rows.map((r: { r: string }) => r.r).sort();
    }
    return out;
  });
}

async function tenantCount(url: string): Promise<number> {
  return asOwner(url, null, async (c) => (await c.query(`SELECT count(*)::int AS n FROM tenant`)).rows[0].n);
}

/** Rewrites the backup file entry by entry (`change` returns the new bytes). */
async function rewrite(to: string, change: (name: string, bytes: Buffer) => Buffer): Promise<void> {
  const original = await readFile(file);
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => chunks.push(c as Buffer));
    stream.on('end', () => {
      const bytes = change(header.name, Buffer.concat(chunks));
      pack.entry({ ...header, size: bytes.length }, bytes, next);
    });
  });
  const packed: Buffer[] = [];
  pack.on('data', (c: unknown) => packed.push(c as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', () => resolve());
    extract.on('error', reject);
    extract.end(gunzipSync(original));
  });
  pack.finalize();
  await ended;
  await writeFile(to, gzipSync(Buffer.concat(packed)));
}

beforeAll(async () => {
  app = await startTestApp();
  folder = await mkdtemp(path.join(os.tmpdir(), 'ce-backup-test-'));
  await seedDemoTenant(app.owner, linyi, { seed: 4242, today: chinaToday(), policy, logger: createLogger('silent') }, code);
  const row = await asOwner(sourceUrl(), null, async (c) => (await c.query(`SELECT id FROM tenant WHERE code = $1`, [code])).rows[0]);
  tenantId = row.id;
  await publishInitialPolicy(app.owner, tenantId, policy, 'backup test');
  // declarations in every state, decisions, a provider's report, a spot check: written through the API
  const warnings: string[] = [];
  const lifeLogger = { ...createLogger('silent'), warn: (obj: unknown, msg?: string) => void warnings.push(`${msg ?? ''} ${JSON.stringify(obj)}`) } as unknown as Logger;
  const tokenFor = async (sub: string, tid: string) => (await app.server.tokens.issue({ sub, kind: 'account', tid })).token;
  await seedDemoLife(app.owner, { url: app.url, tokenFor }, [code], lifeLogger, chinaToday(), 'linyi');
  expect(warnings).toEqual([]);
  // evidence uploaded through the product, so its rows and files are the product's own
  const account = await asOwner(sourceUrl(), tenantId, async (c) =>
    (await c.query(`SELECT id FROM account WHERE tenant_id = $1 AND role = 'PROFESSIONAL' AND password_hash IS NOT NULL LIMIT 1`, [tenantId])).rows[0],
  );
  const token = (await app.server.tokens.issue({ sub: account.id, kind: 'account', tid: tenantId })).token;
  for (const [bytes, name, type] of [[pdf(2000), 'a.pdf', 'application/pdf'], [jpeg(), 'b.jpg', 'image/jpeg']] as const) {
    expect((await upload(app, token, bytes, name, type)).status).toBe(201);
  }
  file = path.join(folder, `${code}.tenant.tar.gz`);
  manifest = (await exportTenant({ ownerUrl: sourceUrl(), storage: new LocalStorage(app.evidenceDir), tenantCode: code, file })).manifest;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await rm(folder, { recursive: true, force: true });
  const admin = new Client({ connectionString: sourceUrl() });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('tenant export', () => {
  it('lists the tenant table and every table with a tenant_id column, with their rows and the schema version', async () => {
    const owned = await asOwner(sourceUrl(), null, async (c) =>
      (await c.query(`SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`)).rows.map((r: { t: string }) => r.t),
    );
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(['tenant', ...owned].sort());
    expect(manifest.tables[0]!.name).toBe('tenant');
    expect(manifest.tenant).toEqual({ id: tenantId, code, name: expect.any(String) });
    expect(manifest.schemaVersion).toBe(allMigrations().at(-1)!.name);
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect(rows).toMatchObject({ tenant: 1, org_node: expect.any(Number), evidence_file: manifest.evidence.length });
    // what the seed and demo life write (20 of the tables); the others are compared empty
    const filled = ['org_node', 'professional', 'account', 'activation_code', 'api_client', 'activity', 'audit_log', 'policy_revision', 'title_record', 'title_application'];
    filled.push('declaration', 'declaration_decision', 'integrity_record', 'spot_check', 'spot_check_item', 'training_project', 'training_report_batch', 'training_completion', 'evidence_upload_count');
    expect(filled.filter((t) => !rows[t])).toEqual([]);
    expect(manifest.evidence.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a tenant code that does not exist, leaving no file', async () => {
    const out = path.join(folder, 'none.tar.gz');
    await expect(exportTenant({ ownerUrl: sourceUrl(), storage: new LocalStorage(app.evidenceDir), tenantCode: `${code}-none`, file: out })).rejects.toThrow(
      `no tenant with code ${code}-none`,
    );
    await expect(readFile(out)).rejects.toThrow('ENOENT');
  });
});

describe('tenant import', () => {
  let target: string;
  let targetDir: string;

  beforeAll(async () => {
    target = await freshDatabase();
    targetDir = path.join(folder, 'evidence-target');
  });

  it('restores every row of every table and every evidence file into an empty database, and audits the import', async () => {
    const result = await importTenant({ ownerUrl: target, storage: new LocalStorage(targetDir), file });
    expect(result).toMatchObject({ tenant: { id: tenantId, code }, files: manifest.evidence.length });
    const before = await tenantRows(sourceUrl());
    const after = await tenantRows(target);
    const audit = after.audit_log!.filter((r) => JSON.parse(r).action === 'tenant.import');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ actor_kind: 'SYSTEM', entity_id: tenantId, after: { code, rows: result.rows, files: manifest.evidence.length } });
    after.audit_log = after.audit_log!.filter((r) => JSON.parse(r).action !== 'tenant.import');
    expect(after).toEqual(before);
    for (const f of manifest.evidence) {
      expect(await readFile(path.join(targetDir, ...f.key.split('/')))).toEqual(await readFile(path.join(app.evidenceDir, ...f.key.split('/'))));
    }
  });

  it('refuses a database where the tenant exists, and changes nothing there', async () => {
    const rows = await tenantRows(sourceUrl());
    const tenants = await tenantCount(sourceUrl());
    await expect(importTenant({ ownerUrl: sourceUrl(), storage: new LocalStorage(app.evidenceDir), file })).rejects.toThrow(`a tenant with code ${code} exists`);
    // under another code the tenant's id is still taken
    await expect(importTenant({ ownerUrl: sourceUrl(), storage: new LocalStorage(app.evidenceDir), file, asCode: `${code}x` })).rejects.toThrow(
      `tenant id ${tenantId} is taken by tenant ${code}`,
    );
    expect(await tenantCount(sourceUrl())).toBe(tenants);
    expect(await tenantRows(sourceUrl())).toEqual(rows);
  });

  it('refuses a file whose entry does not match its checksum, before writing anything', async () => {
    const damaged = path.join(folder, 'damaged.tar.gz');
    await rewrite(damaged, (name, bytes) => (name === 'tables/professional.csv' ? Buffer.from(bytes.toString('utf8').replace(/,MALE,/, ',FEMALE,')) : bytes));
    const empty = await freshDatabase();
    const dir = path.join(folder, 'evidence-damaged');
    await expect(importTenant({ ownerUrl: empty, storage: new LocalStorage(dir), file: damaged })).rejects.toThrow(
      'tables/professional.csv does not match its checksum in the manifest',
    );
    expect(await tenantCount(empty)).toBe(0);
    const notBackup = path.join(folder, 'not-a-backup.tar.gz');
    await writeFile(notBackup, 'hello');
    await expect(importTenant({ ownerUrl: empty, storage: new LocalStorage(dir), file: notBackup })).rejects.toThrow('cannot be read as a tenant backup');
    // nor does a file of another schema version go in
    const older = path.join(folder, 'older.tar.gz');
    await rewrite(older, (name, bytes) =>
      name === 'manifest.json' ? Buffer.from(JSON.stringify({ ...JSON.parse(bytes.toString('utf8')), schemaVersion: 'Foundation1732300000000' })) : bytes,
    );
    await expect(importTenant({ ownerUrl: empty, storage: new LocalStorage(dir), file: older })).rejects.toThrow(
      /exported at schema version Foundation1732300000000, the database is at /,
    );
    expect(await tenantCount(empty)).toBe(0);
  });
});
