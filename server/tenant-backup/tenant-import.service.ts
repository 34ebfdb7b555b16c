// Backups per tenant, the import half: a file written by tenant-export.service.ts
// becomes a tenant again, in an empty database (after its migrations) or in a
// free slot of a live one. All or nothing: the file is read and checked once
// before anything is written, then loaded in one transaction (checked again as
// it streams in); any failure rolls the rows back and removes the evidence files
// already stored. The tenant keeps its id (its evidence keys and every row name
// it), so the id must be free: `--as` gives it a new code, not a new id.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { AuditRepository } from '../audit/audit.repository';
import { execute, pgQueryable, type Queryable } from '../platform/sql';
import { MeteredStream, type ObjectStorage } from '../platform/storage';
import { applySettings } from '../platform/transaction';
import { checkEntry, MANIFEST_ENTRY, readArchive, readText, TenantBackupError, verifyArchive, type ArchiveEntry, type Manifest, type ManifestTable } from './tenant-archive';
import { loadOrderSql, quoteIdent, TenantBackupRepository, type OwnedTable } from './tenant-backup.repository';

export interface ImportOptions {
  ownerUrl: string;
  storage: ObjectStorage;
  file: string;
  /** restore under this code instead of the exported one */
  asCode?: string;
}

export interface ImportResult {
  tenant: { id: string; code: string; name: string };
  rows: number;
  files: number;
  seconds: number;
}

const repo = new TenantBackupRepository();
const audit = new AuditRepository();
const TENANT_CODE = /^[a-z][a-z0-9-]{1,30}$/;

/** Refuses a database this file cannot go into: another schema version, other tables, or the tenant's code or id taken. */
async function checkTarget(db: Queryable, manifest: Manifest, code: string): Promise<OwnedTable[]> {
  const version = await repo.schemaVersion(db);
  if (version !== manifest.schemaVersion) {
    throw new TenantBackupError(
      `the file was exported at schema version ${manifest.schemaVersion}, the database is at ${version ?? '(no migrations)'}: ` +
        'restore it with the release that wrote it, or export it again after upgrading the source',
    );
  }
  const tables = await repo.ownedTables(db);
  const shape = (ts: readonly { name: string; columns: string[] }[]) => JSON.stringify(ts.map((t) => [t.name, t.columns]));
  if (shape(tables) !== shape(manifest.tables)) throw new TenantBackupError('the file lists other tables or columns than this database has, at the same schema version');
  if (await repo.findTenantByCode(db, code)) throw new TenantBackupError(`a tenant with code ${code} exists: import refuses to overwrite it (use --as <new code>)`);
  const holder = await repo.findTenantById(db, manifest.tenant.id);
  if (holder) {
    throw new TenantBackupError(
      `tenant id ${manifest.tenant.id} is taken by tenant ${holder.code}: the file keeps its tenant's id, so it can be restored only where that id is free`,
    );
  }
  return tables;
}

/** A table's rows: COPY into a scratch table (no row-level security there), then in through the tenant wall. */
async function loadTable(client: Client, table: OwnedTable, want: ManifestTable, e: ArchiveEntry, asCode: string | null): Promise<number> {
  const db = pgQueryable(client);
  const columns = table.columns.map(quoteIdent).join(', ');
  await execute(db, `CREATE TEMP TABLE tenant_import_stage ON COMMIT DROP AS SELECT ${columns} FROM public.${quoteIdent(table.name)} WITH NO DATA`);
  const meter = new MeteredStream(want.bytes);
  const copy = client.query(copyFrom(`COPY tenant_import_stage (${columns}) FROM STDIN (FORMAT csv)`));
  await pipeline(e.body, meter, copy);
  checkEntry(e.name, meter.result(), want);
  if (copy.rowCount !== want.rows) throw new TenantBackupError(`${e.name} holds ${copy.rowCount} rows, the manifest says ${want.rows}`);
  if (asCode) await execute(db, `UPDATE tenant_import_stage SET code = $1`, [asCode]);
  await execute(
    db,
    `INSERT INTO public.${quoteIdent(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM tenant_import_stage${loadOrderSql(table)}`,
  );
  await execute(db, `DROP TABLE tenant_import_stage`);
  return copy.rowCount;
}

export async function importTenant(options: ImportOptions): Promise<ImportResult> {
  const started = process.hrtime.bigint();
  if (options.asCode !== undefined && !TENANT_CODE.test(options.asCode)) throw new TenantBackupError(`--as ${options.asCode} is not a tenant code (a-z, 0-9, -)`);
  const manifest = await verifyArchive(options.file);
  const code = options.asCode ?? manifest.tenant.code;
  const tablesByEntry = new Map(manifest.tables.map((t) => [t.file, t]));
  const filesByEntry = new Map(manifest.evidence.map((f) => [f.file, f]));
  const stored: string[] = [];
  const client = new Client({ connectionString: options.ownerUrl, application_name: 'ce-tenant-import' });
  await client.connect();
  const db = pgQueryable(client);
  try {
    await client.query('BEGIN');
    await applySettings(db, { tenantId: null, operator: true });
    // one import at a time: two of the same file would both find the slot free
    await execute(db, `SELECT pg_advisory_xact_lock(hashtext('ce-tenant-import'))`);
    const tables = new Map((await checkTarget(db, manifest, code)).map((t) => [t.name, t]));
    await applySettings(db, { tenantId: manifest.tenant.id, operator: true });
    let rows = 0;
    for await (const e of readArchive(options.file)) {
      const table = tablesByEntry.get(e.name);
      const file = filesByEntry.get(e.name);
      if (e.name === MANIFEST_ENTRY) {
        if (JSON.stringify(JSON.parse(await readText(e.body))) !== JSON.stringify(manifest)) throw new TenantBackupError('the file changed while it was being imported');
      } else if (table) {
        rows += await loadTable(client, tables.get(table.name)!, table, e, table.name === 'tenant' && options.asCode ? code : null);
      } else if (file) {
        stored.push(file.key);
        checkEntry(e.name, await options.storage.put(file.key, e.body, file.bytes), file);
      } else {
        throw new TenantBackupError(`${e.name} is not listed in the manifest`);
      }
    }
    await repo.advanceSequences(db, [...tables.values()]);
    await audit.insert(db, {
      tenantId: manifest.tenant.id,
      requestId: `tenant-import-${randomUUID()}`,
      actorKind: 'SYSTEM',
      actorId: null,
      actorLabel: 'tenant-import',
      action: 'tenant.import',
      entityType: 'tenant',
      entityId: manifest.tenant.id,
      before: null,
      after: { code, exportedCode: manifest.tenant.code, exportedAt: manifest.exportedAt, schemaVersion: manifest.schemaVersion, rows, files: manifest.evidence.length },
    });
    await client.query('COMMIT');
    return { tenant: { id: manifest.tenant.id, code, name: manifest.tenant.name }, rows, files: stored.length, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    for (const key of stored) await options.storage.delete(key).catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
