// Below the API: statements as the runtime role the server runs as (row-level security
// applies), in one transaction with the tenant set as a request sets it.
import type { DataSource, EntityManager } from 'typeorm';

export async function asRuntimeRole<T>(runtime: DataSource, tenantId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return runtime.transaction(async (em) => {
    if (tenantId) await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(em);
  });
}

/** The PostgreSQL error a promise rejects with (fails the test if it resolves). */
export async function pgError(promise: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (caught) {
    const error = caught as { code?: string; driverError?: { code?: string }; message?: unknown };
    return { code: error.code ?? error.driverError?.code, message: String(error.message) };
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
