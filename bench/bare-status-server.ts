// The status-lookup benchmark's baseline: what a bare server (node:http + pg, no framework)
// needs to give the product's answers. Run as a child process by status-lookup.bench.ts:
//   BARE_PORT, BARE_DATABASE_URL (the runtime role: row-level security applies),
//   BARE_POOL_SIZE, JWT_SECRET, JWT_TTL_SECONDS, BARE_API_KEYS and BARE_ACCOUNTS (JSON).
// - POST /status: an API key checked against an in-memory map (the secret's SHA-256 compared
//   in constant time, as the product does), ONE statement in one round trip (the person, the
//   current policy revision, a certified result and the activities, a named prepared statement
//   under the tenant set once per connection at session level), the engine, the product's JSON;
// - POST /professionals: a token verified with jose (TokenService, as the product), the
//   account's scope from memory (no look-up), the page of LIST_PAGE in one statement;
// - POST /typename: the constant answer (the floor).
import 'reflect-metadata';
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { escapeLiteral, Pool, type PoolClient, type QueryResultRow } from 'pg';
import { TokenService } from '../server/accounts/tokens';
import { hashApiSecret, parseApiKey } from '../server/api-clients/api-keys';
import { CalendarRepository } from '../server/calendar/calendar.repository';
import { CalendarService } from '../server/calendar/calendar.service';
import { type ActivityInput, evaluateYear, type ParamValue, versionForYear, type WorkingCalendar } from '../server/engine';
import { toEvaluationView } from '../server/hours/evaluation-view';
import { profileOf } from '../server/hours/hours-subjects';
import { PERSON_COLUMNS, type PersonRow, toPerson } from '../server/hours/hours.repository';
import type { HoursEvaluation } from '../server/hours/hours.types';
import { subtreeEnd } from '../server/platform/actor';
import { systemClock } from '../server/platform/clock';
import type { Context } from '../server/platform/context';
import { AppError, commonError, idNumberError, unauthenticated } from '../server/platform/errors';
import { maskIdNumber, parseIdNumber } from '../server/platform/id-number';
import { pgQueryable } from '../server/platform/sql';
import { checkYear } from '../server/policy/input-bounds';
import { PolicyRepository, type PolicyRevision } from '../server/policy/policy.repository';
import { BARE_PATHS, LIST_PAGE, type ListRow, toListAnswer, toStatusAnswer, TYPENAME_ANSWER } from './status-lookup-queries';

/** An API client as the product's app_api_client_by_key returns it. */
export interface BareApiKey {
  keyId: string;
  secretHash: string;
  tenantId: string;
  scopes: string[];
}

/** An official whose token the baseline accepts; `orgPath` null for the whole tenant (a bureau official). */
export interface BareAccount {
  id: string;
  tenantId: string;
  orgPath: string | null;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const pool = new Pool({ connectionString: env('BARE_DATABASE_URL'), max: Number(process.env.BARE_POOL_SIZE ?? 10), application_name: 'bare-status' });
const tokens = new TokenService(env('JWT_SECRET'), Number(env('JWT_TTL_SECONDS')));
const keys = new Map((JSON.parse(env('BARE_API_KEYS')) as BareApiKey[]).map((k) => [k.keyId, k]));
const accounts = new Map((JSON.parse(env('BARE_ACCOUNTS')) as BareAccount[]).map((a) => [a.id, a]));
const policies = new PolicyRepository();
/** The tenant's latest revision seen, with its document (a revision never changes). */
const policyOf = new Map<string, PolicyRevision>();
let calendar: WorkingCalendar;

const lit = (value: string): string => escapeLiteral(value);
const setTenant = (tenantId: string): string => `SELECT set_config('app.tenant_id', ${lit(tenantId)}, true);`;
/** The tenant each connection's session is set to (the floor sets it once per connection and tenant). */
const sessionTenant = new WeakMap<PoolClient, string>();

/**
 * ONE statement as a named prepared statement (parsed and planned once per connection), under
 * the tenant set at session level on that connection (once: the bench has one tenant). The
 * fewest statements and round trips a request can take.
 */
async function oneStatement<Row>(tenantId: string, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const client = await pool.connect();
  try {
    if (sessionTenant.get(client) !== tenantId) {
      await client.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
      sessionTenant.set(client, tenantId);
    }
    return (await client.query<Row & QueryResultRow>({ name, text, values })).rows;
  } finally {
    client.release();
  }
}

/** The tenant's policy revision `id`, read (with its document) only when not seen yet. */
async function policyRevision(tenantId: string, id: string): Promise<PolicyRevision> {
  const known = policyOf.get(tenantId);
  if (known?.id === id) return known;
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; ${setTenant(tenantId)}`);
    const latest = await policies.latest(pgQueryable(client));
    await client.query('COMMIT');
    if (!latest) throw new AppError('POLICY_NOT_PUBLISHED', '尚未发布政策');
    policyOf.set(tenantId, latest);
    return latest;
  } finally {
    client.release();
  }
}

function apiClientOf(header: string | string[] | undefined): BareApiKey {
  const parsed = typeof header === 'string' ? parseApiKey(header.trim()) : null;
  if (!parsed) throw unauthenticated('API 密钥格式无效');
  const record = keys.get(parsed.keyId);
  const given = Buffer.from(hashApiSecret(parsed.secret), 'hex');
  const stored = record ? Buffer.from(record.secretHash, 'hex') : Buffer.alloc(given.length);
  if (!record || given.length !== stored.length || !timingSafeEqual(given, stored)) throw unauthenticated('API 密钥无效');
  if (!record.scopes.includes('completion:read')) throw new AppError('SCOPE_REQUIRED', '权限不足');
  return record;
}

type ActivityTuple = [string, string, number, string | null, Record<string, ParamValue>, string, number?, number?];

/** As the product's activitiesOf: one person's activities up to the year, from its JSON array. */
function toActivities(list: string | null): ActivityInput[] {
  return ((list ? JSON.parse(list) : []) as ActivityTuple[]).map(([id, kind, year, date, params, recordedOn, adjustedPublic, adjustedProfessional]) => {
    const a: ActivityInput = date ? { id, kind, year, date, params, recordedOn } : { id, kind, year, params, recordedOn };
    if (adjustedPublic !== undefined && adjustedProfessional !== undefined) a.adjustedHours = { PUBLIC: adjustedPublic, PROFESSIONAL: adjustedProfessional };
    return a;
  });
}

const ACTIVITY_TUPLE = `CASE WHEN a.adjusted_public IS NULL
    THEN json_build_array(a.id, a.kind, a.year, a.occurred_on, a.params, (a.recorded_at AT TIME ZONE 'Asia/Shanghai')::date)
    ELSE json_build_array(a.id, a.kind, a.year, a.occurred_on, a.params, (a.recorded_at AT TIME ZONE 'Asia/Shanghai')::date, a.adjusted_public, a.adjusted_professional)
  END`;

async function status(req: http.IncomingMessage, body: string): Promise<unknown> {
  const client = apiClientOf(req.headers['x-api-key']);
  const { variables } = JSON.parse(body) as { variables: { id: string; year: number } };
  const year = variables.year;
  checkYear(year, 'year', systemClock);
  const id = parseIdNumber(variables.id);
  if (!id.ok) throw idNumberError(id.code, 'idNumber');
  const [row] = await oneStatement<{ person: PersonRow | null; policy: { id: string; revision: number }; certified: HoursEvaluation | null; activities: string | null }>(
    client.tenantId,
    'bare_status',
    `WITH p AS (SELECT ${PERSON_COLUMNS} FROM professional p JOIN org_node u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id WHERE p.id_number = $1)
     SELECT (SELECT row_to_json(p) FROM p) AS person,
            (SELECT json_build_object('id', r.id, 'revision', r.revision) FROM policy_revision r ORDER BY r.revision DESC LIMIT 1) AS policy,
            (SELECT c.result FROM year_certification c WHERE c.professional_id = (SELECT id FROM p) AND c.year = $2 AND c.revoked_at IS NULL) AS certified,
            (SELECT json_agg(${ACTIVITY_TUPLE} ORDER BY a.year, a.id)::text FROM activity a
              WHERE a.professional_id = (SELECT id FROM p) AND a.year <= $2 AND a.withdrawn_at IS NULL) AS activities`,
    [id.value, year],
  );
  if (!row) throw new Error('the status statement returned no row');
  if (!row.person) throw new AppError('PROFESSIONAL_NOT_FOUND', '未找到该人员', 'idNumber');
  const person = toPerson(row.person);
  let evaluation = row.certified;
  if (!evaluation) {
    if (!row.policy) throw new AppError('POLICY_NOT_PUBLISHED', '尚未发布政策');
    const policy = await policyRevision(client.tenantId, row.policy.id);
    if (!versionForYear(policy.document, year)) throw new AppError('POLICY_NO_VERSION_FOR_YEAR', '该年度无适用政策', 'year');
    const ev = evaluateYear({ policy: policy.document, profile: profileOf(person), activities: toActivities(row.activities), year, today: systemClock.today(), calendar });
    evaluation = toEvaluationView(ev, policy.document, policy.revision);
  }
  return toStatusAnswer({ idNumber: maskIdNumber(person.idNumber), name: person.name, year, evaluation });
}

async function professionals(req: http.IncomingMessage): Promise<unknown> {
  const auth = req.headers.authorization ?? '';
  const claims = /^bearer\s+/i.test(auth) ? await tokens.verify(auth.replace(/^bearer\s+/i, '')) : 'invalid';
  const account = typeof claims === 'object' ? accounts.get(claims.sub) : undefined;
  if (typeof claims !== 'object' || !account || claims.tid !== account.tenantId) throw unauthenticated('登录凭证无效');
  const rows = await oneStatement<ListRow>(
    account.tenantId,
    'bare_list',
    `SELECT id, id_number, name, gender, birth_date::text AS birth_date, title_level, title_series, status, joined_unit_on::text AS joined_unit_on, unit_path
       FROM professional WHERE ($1::text IS NULL OR (unit_path >= $1 AND unit_path < $2)) ORDER BY unit_path, id LIMIT $3`,
    [account.orgPath, account.orgPath === null ? null : subtreeEnd(account.orgPath), LIST_PAGE + 1],
  );
  return toListAnswer(rows);
}

function send(res: http.ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    if (req.method === 'GET' && path === '/readyz') return send(res, 200, '{"status":"ready"}');
    if (req.method !== 'POST') return send(res, 405, '{"errors":[{"message":"POST only"}]}');
    if (path === BARE_PATHS.typename) return send(res, 200, TYPENAME_ANSWER);
    const answer = path === BARE_PATHS.status ? status(req, body) : path === BARE_PATHS.list ? professionals(req) : null;
    if (!answer) return send(res, 404, '{"errors":[{"message":"not found"}]}');
    answer.then(
      (data) => send(res, 200, JSON.stringify({ data })),
      (error: unknown) => {
        const e = error instanceof AppError ? error : commonError('INTERNAL_SERVER_ERROR');
        // a 500 for what is not the caller's fault: the benchmark counts it as a broken run
        if (!(error instanceof AppError)) process.stderr.write(`bare server: ${error instanceof Error ? error.stack : String(error)}\n`);
        send(res, e.httpStatus ?? (error instanceof AppError ? 200 : 500), JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code, field: e.field ?? null } }], data: null }));
      },
    );
  });
});

async function main(): Promise<void> {
  const client = await pool.connect();
  try {
    // loaded once, as the product's CalendarService does (only a start writes the tables)
    calendar = await new CalendarService(new CalendarRepository()).current({ db: async () => pgQueryable(client) } as unknown as Context);
  } finally {
    client.release();
  }
  const port = Number(env('BARE_PORT'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`bare server listening on ${port}\n`);
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`bare server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
