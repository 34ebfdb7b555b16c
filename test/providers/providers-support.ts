// Shared set-up for the provider tests: a launch tenant with a provider (an API client with
// training:report), the GraphQL operations of filing and reporting, and dates relative to today.
import { chinaToday } from '../../server/platform/clock';
import { type LaunchTenant, ok, policyTenant } from '../declarations/declarations-support';
import type { TenantFixture } from '../support/fixtures';
import type { GqlResult, TestApp } from '../support/harness';

export const PROJECT_FIELDS = `id source providerId providerName title kind kindName subject hours params startDate endDate audience venue
  filedOn onTime lateReason leadWorkingDays workingDaysBefore calendarNote`;
export const FILE = `mutation($i: FileTrainingProjectInput!) { fileTrainingProject(input: $i) { ${PROJECT_FIELDS} } }`;
export const REPORT = `mutation($p: ID!, $k: String!, $rows: [TrainingCompletionRowInput!]!) {
  reportTrainingCompletions(projectId: $p, batchKey: $k, rows: $rows) {
    batchId batchKey projectId replayed received credited notCredited alreadyReported rejected
    rows { index idNumber status code message hours } } }`;
export const PROJECTS = `query($f: TrainingProjectFilter, $first: Int, $after: String) { trainingProjects(filter: $f, first: $first, after: $after) {
  totalCount nodes { id title onTime providerId source } pageInfo { hasNextPage endCursor } } }`;
export const PROJECT = `query($id: ID!) { trainingProject(id: $id) { ${PROJECT_FIELDS} } }`;
export const COMPLETIONS = `query($p: ID!, $first: Int, $after: String) { trainingCompletions(projectId: $p, first: $first, after: $after) {
  totalCount nodes { professionalId name idNumber completedOn hours activityId } pageInfo { hasNextPage endCursor } } }`;

export interface Provider {
  id: string;
  apiKey: string;
}

export interface ProviderTenant {
  t: TenantFixture;
  provider: Provider;
}

/** An API client of the tenant, made by its bureau through the API. */
export async function addApiClient(app: TestApp, t: TenantFixture, scopes: string[] = ['TRAINING_REPORT'], name = '某继续教育基地'): Promise<Provider> {
  const r = await app.gql(
    `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey client { id } } }`,
    { i: { name, scopes } },
    t.accounts.bureau.token,
  );
  const created = ok<{ apiKey: string; client: { id: string } }>(r, 'createApiClient');
  return { id: created.client.id, apiKey: created.apiKey };
}

export async function providerTenant(app: TestApp, code: LaunchTenant, prefix = 'prv'): Promise<ProviderTenant> {
  const t = await policyTenant(app, code, prefix);
  return { t, provider: await addApiClient(app, t) };
}

/** Today in China shifted by `days` (YYYY-MM-DD). */
export function dayFromToday(days: number): string {
  const [y, m, d] = chinaToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A few days before today, but never in last year (a project stays within one year). */
export function recentStart(days = 3): string {
  const start = dayFromToday(-days);
  const thisYear = `${chinaToday().slice(0, 4)}-01-01`;
  return start < thisYear ? thisYear : start;
}

/** A project that already started (so completions can be reported today). */
export function startedProject(kind: string, more: Record<string, unknown> = {}) {
  return { title: '全市卫生系统急救技能培训班', kind, hours: 16, startDate: recentStart(), endDate: chinaToday(), audience: '全市卫生系列专业技术人员', venue: '市人民医院', ...more };
}

export function row(p: { idNumber: string; name: string }, completedOn = chinaToday(), hours?: number) {
  return hours === undefined ? { idNumber: p.idNumber, name: p.name, completedOn } : { idNumber: p.idNumber, name: p.name, completedOn, hours };
}

export async function fileProject(app: TestApp, provider: Provider, input: object): Promise<Record<string, unknown> & { id: string }> {
  return ok(await app.gql(FILE, { i: input }, { apiKey: provider.apiKey }), 'fileTrainingProject');
}

export async function report(app: TestApp, provider: Provider | string, projectId: string, batchKey: string, rows: object[]): Promise<GqlResult> {
  return app.gql(REPORT, { p: projectId, k: batchKey, rows }, typeof provider === 'string' ? provider : { apiKey: provider.apiKey });
}

/** Rows the tenant holds in the provider tables and activity (to check that nothing was written). */
export async function providerRows(app: TestApp, tenantId: string): Promise<{ projects: number; batches: number; completions: number; activities: number }> {
  const [r] = await app.owner.query(
    `SELECT (SELECT count(*)::int FROM training_project WHERE tenant_id = $1) AS projects,
            (SELECT count(*)::int FROM training_report_batch WHERE tenant_id = $1) AS batches,
            (SELECT count(*)::int FROM training_completion WHERE tenant_id = $1) AS completions,
            (SELECT count(*)::int FROM activity WHERE tenant_id = $1) AS activities`,
    [tenantId],
  );
  return r;
}
