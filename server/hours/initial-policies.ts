// The policy files in tenants/ are each tenant's first revision: loaded (and
// validated) at start, and published once for a tenant that has none yet.
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { PolicyDocument } from '../engine';
import { loadAllPolicies } from '../policy';
import type { Logger } from '../platform/logger';
import { inTransaction } from '../platform/transaction';

export function loadPolicyFiles(dir: string): Map<string, PolicyDocument> {
  return loadAllPolicies(path.resolve(dir));
}

export async function publishInitialPolicy(owner: DataSource, tenantId: string, document: PolicyDocument, note: string): Promise<boolean> {
  return inTransaction(owner, { tenantId }, async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('policy:' || $1))`, [tenantId]);
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM policy_revision WHERE tenant_id = $1`, [tenantId]);
    if (n > 0) return false;
    await em.query(`INSERT INTO policy_revision (tenant_id, revision, document, note) VALUES ($1, 1, $2, $3)`, [tenantId, document, note]);
    return true;
  });
}

export async function publishInitialPolicies(owner: DataSource, policies: Map<string, PolicyDocument>, logger: Logger): Promise<void> {
  const tenants = await inTransaction(owner, { tenantId: null, operator: true }, (em) => em.query(`SELECT id, code FROM tenant`));
  for (const t of tenants as { id: string; code: string }[]) {
    const document = policies.get(t.code);
    if (document && (await publishInitialPolicy(owner, t.id, document, `初始版本（tenants/${t.code}.yaml）`))) {
      logger.info({ tenant: t.code }, 'published initial policy');
    }
  }
}
