// The service the declarations use to attach evidence: `findOwnFiles` gives
// the caller's own uploads and refuses, as EVIDENCE_NOT_FOUND on the named
// field, any id that is missing, someone else's or another tenant's.
import { randomBytes } from 'node:crypto';
import { authenticate, readCredentials } from '../../server/app/authenticate';
import { createLoaders, createServices } from '../../server/app/registry';
import { loadConfig } from '../../server/platform/config';
import type { Context } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { createLogger } from '../../server/platform/logger';
import type { Services } from '../../server/platform/module';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { jpeg, pdf, png, upload } from './evidence-support';

const jwtSecret = randomBytes(32).toString('hex');
let app: TestApp;
let services: Services;
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  app = await startTestApp({}, undefined, jwtSecret);
  services = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test', EVIDENCE_DIR: app.evidenceDir }), jwtSecret });
  t = await createTenantFixture(app, 'evf');
  other = await createTenantFixture(app, 'evg');
});
afterAll(() => app.close());

/** Runs `work` as one request of a signed-in account, with its context built as /graphql builds it. */
async function as<T>(token: string, work: (ctx: Context) => Promise<T>): Promise<T> {
  const { actor, tx } = await authenticate(readCredentials({ authorization: `Bearer ${token}` }), { runtime: app.runtime, pool: app.server.pool, tokens: services.tokens, apiClients: services.apiClients }, '127.0.0.1');
  const db = () => tx.manager();
  const ctx: Context = {
    requestId: 'test',
    clientAddress: '127.0.0.1',
    actor,
    tenantId: actor.kind === 'ACCOUNT' ? actor.tenantId : null,
    tx,
    db,
    loaders: createLoaders(db),
    log: createLogger('silent'),
  };
  try {
    return await work(ctx);
  } finally {
    await tx.finish(false);
  }
}

async function refusal(token: string, ids: string[], field: string): Promise<{ code: string; field?: string }> {
  const error = await as(token, (ctx) => services.evidence.findOwnFiles(ctx, ids, field)).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, field: (error as AppError).field };
}

const uploadId = async (token: string, bytes = pdf()) => (await upload(app, token, bytes)).body.id!;

describe('findOwnFiles', () => {
  it("gives the caller's own files, each once, in the order first named", async () => {
    const token = t.accounts.personA1.token;
    const [a, b, c] = [await uploadId(token), await uploadId(token, jpeg()), await uploadId(token, png())];
    const found = await as(token, (ctx) => services.evidence.findOwnFiles(ctx, [c, a, b, a], 'evidenceFileIds'));
    expect(found.map((f) => [f.id, f.contentType, f.uploadedBy, f.professionalId])).toEqual([
      [c, 'image/png', t.accounts.personA1.id, t.people.a1[0].id],
      [a, 'application/pdf', t.accounts.personA1.id, t.people.a1[0].id],
      [b, 'image/jpeg', t.accounts.personA1.id, t.people.a1[0].id],
    ]);
    expect(await as(token, (ctx) => services.evidence.findOwnFiles(ctx, [], 'evidenceFileIds'))).toEqual([]);
  });

  it("refuses someone else's file, even one the caller may read (the bureau and a professional's file), as EVIDENCE_NOT_FOUND on the field", async () => {
    const mine = await uploadId(t.accounts.bureau.token);
    const theirs = await uploadId(t.accounts.personA1.token);
    const readable = await as(t.accounts.bureau.token, async (ctx) => {
      const file = await services.evidence.findReadable(ctx, theirs);
      return !!file && (await services.evidence.canRead(ctx, file));
    });
    expect(readable).toBe(true);
    expect(await refusal(t.accounts.bureau.token, [mine, theirs], 'input.evidence')).toEqual({ code: 'EVIDENCE_NOT_FOUND', field: 'input.evidence' });
    expect(await refusal(t.accounts.personA1.token, [mine], 'evidence')).toEqual({ code: 'EVIDENCE_NOT_FOUND', field: 'evidence' });
  });

  it("refuses another tenant's file id exactly like a missing one, and an id that is not a UUID", async () => {
    const foreign = await uploadId(other.accounts.personA1.token);
    for (const id of [foreign, '0190a4c8-0000-7000-8000-000000000000', 'nope']) {
      expect(await refusal(t.accounts.personA1.token, [id], 'evidence')).toEqual({ code: 'EVIDENCE_NOT_FOUND', field: 'evidence' });
    }
    expect(await as(t.accounts.bureau.token, (ctx) => services.evidence.findReadable(ctx, foreign))).toBeNull();
    // its own uploader finds it
    const found = await as(other.accounts.personA1.token, (ctx) => services.evidence.findOwnFiles(ctx, [foreign], 'evidence'));
    expect(found.map((f) => f.id)).toEqual([foreign]);
  });

  it('refuses more than 10 ids with EVIDENCE_TOO_MANY', async () => {
    const ids = Array.from({ length: 11 }, () => '0190a4c8-0000-7000-8000-000000000000');
    expect(await refusal(t.accounts.unitA1.token, ids, 'evidence')).toEqual({ code: 'EVIDENCE_TOO_MANY', field: 'evidence' });
  });
});
