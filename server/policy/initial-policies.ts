// The policy files in tenants/ are each tenant's first revision: loaded (and
// validated) at start, and published once for a tenant that has none yet.
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { PolicyDocument } from '../engine';
import type { Logger } from '../platform/logger';
import { inTransaction } from '../platform/transaction';
import { TenantsRepository } from '../tenants/tenants.repository';
import { loadAllPolicies } from './policy.loader';
import { PolicyRepository } from './policy.repository';

export function loadPolicyFiles(dir: string): Map<string, PolicyDocument> {
  return loadAllPolicies(path.resolve(dir));
}

export async function publishInitialPolicy(owner: DataSource, tenantId: string, document: PolicyDocument, note: string): Promise<boolean> {
  return inTransaction(owner, { tenantId }, (em) => new PolicyRepository().insertInitial(em, tenantId, document, note));
}

export async function publishInitialPolicies(owner: DataSource, policies: Map<string, PolicyDocument>, logger: Logger): Promise<void> {
  const tenants = await inTransaction(owner, { tenantId: null, operator: true }, (em) => new TenantsRepository().findMany(em));
  for (const t of tenants) {
    const document = policies.get(t.code);
    if (document && (await publishInitialPolicy(owner, t.id, document, `初始版本（tenants/${t.code}.yaml）`))) {
      logger.info({ tenant: t.code }, 'published initial policy');
    }
  }
}
