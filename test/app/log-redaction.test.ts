// The logger itself keeps personal data and secrets out of every line: known
// keys are redacted at any depth, a failed statement's bound parameters are
// dropped, and anything shaped like an ID number is masked wherever it is.
import { QueryFailedError } from 'typeorm';
import { createLogger, maskLogLine } from '../../server/platform/logger';
import { makeIdNumber, maskIdNumber, parseIdNumber } from '../../server/platform/id-number';
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const ID = makeIdNumber('370102', '19900307', 123);
const ID_X = (() => {
  for (let seq = 1; ; seq++) {
    const id = makeIdNumber('371302', '19850612', seq);
    if (id.endsWith('X')) return id;
  }
})();

/** Every valid full ID number in the text (any 18-character run of 17 digits and a digit or X). */
function fullIdNumbers(text: string): string[] {
  return [...text.matchAll(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g)].map((m) => m[0]).filter((s) => parseIdNumber(s).ok);
}

function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', { write: (line: string) => void lines.push(line) }) };
}

describe('the logger', () => {
  it('drops a failed statement’s parameters and masks ID numbers in its message and detail', () => {
    const { lines, log } = capture();
    const driverError = Object.assign(new Error(`duplicate key value violates unique constraint "professional_id_number"`), {
      code: '23505',
      detail: `Key (tenant_id, id_number)=(6f1c2a6e-9a0e-4c38-9d2f-6f0a0c1b2d3e, ${ID}) already exists.`,
      constraint: 'professional_id_number',
    });
    const error = new QueryFailedError(`INSERT INTO professional (tenant_id, id_number, name) VALUES ($1, $2, $3)`, ['6f1c2a6e', ID, '王建国'], driverError);
    log.error({ err: error, password: 'Secret-pass-1', input: { newPassword: 'New-pass-22', activationCode: 'ABCDEFGH23' } }, `registration of ${ID} failed`);

    const text = lines.join('\n');
    expect(lines).toHaveLength(1);
    expect(fullIdNumbers(text)).toEqual([]);
    expect(text).not.toContain(ID);
    expect(text).toContain(maskIdNumber(ID));
    expect(text).not.toContain('Secret-pass-1');
    expect(text).not.toContain('New-pass-22');
    expect(text).not.toContain('ABCDEFGH23');
    expect(text).not.toContain('王建国');
    const record = JSON.parse(lines[0]!);
    expect(record.err.parameters).toBe('[redacted]');
    expect(record.err.detail).toContain(`=(6f1c2a6e-9a0e-4c38-9d2f-6f0a0c1b2d3e, ${maskIdNumber(ID)}) already exists.`);
    expect(record.err.query).toContain('INSERT INTO professional');
    expect(record.msg).toBe(`registration of ${maskIdNumber(ID)} failed`);
  });

  it('redacts secrets under known keys at any depth, and credential headers', () => {
    const { lines, log } = capture();
    log.info(
      {
        password: 'p-0',
        token: 'tok-0',
        variables: { input: { password: 'p-1', token: 'tok-1', apiKey: 'key-1', secret: 's-1', activationCode: 'AC-1', newPassword: 'np-1' } },
        a: { b: { c: { authorization: 'Bearer deep-2' } } },
        headers: { authorization: 'Bearer h-3', 'x-api-key': 'ce_abc.h-3', cookie: 'c-3' },
      },
      'secrets',
    );
    const text = lines.join('\n');
    for (const secret of ['p-0', 'tok-0', 'p-1', 'tok-1', 'key-1', 's-1', 'AC-1', 'np-1', 'deep-2', 'h-3', 'c-3']) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0]!).variables.input.password).toBe('[redacted]');
  });

  it('masks ID numbers in any string, as maskIdNumber does, and leaves other numbers alone', () => {
    const { lines, log } = capture();
    const lower = ID_X.toLowerCase();
    log.warn({ note: `look-up of ${ID_X} and ${lower}`, list: [ID], nested: { deeper: { text: `id=${ID};` } }, phone: '13805391234', long: '1234567890123456789012' }, `about ${ID}\n${ID}`);
    const text = lines.join('\n');
    expect(fullIdNumbers(text)).toEqual([]);
    const record = JSON.parse(lines[0]!);
    expect(record.note).toBe(`look-up of ${maskIdNumber(ID_X)} and ${maskIdNumber(ID_X).slice(0, -1)}x`);
    expect(record.list).toEqual([maskIdNumber(ID)]);
    expect(record.nested.deeper.text).toBe(`id=${maskIdNumber(ID)};`);
    expect(record.msg).toBe(`about ${maskIdNumber(ID)}\n${maskIdNumber(ID)}`);
    expect(record.phone).toBe('13805391234');
    expect(record.long).toBe('1234567890123456789012');
  });

  it('keeps the line valid JSON when an ID number is a bare number, and masks tokens, API secrets and failing rows', () => {
    expect(JSON.parse(maskLogLine(`{"n":${ID.slice(0, 17)}1,"m":[${ID.slice(0, 17)}2]}\n`))).toEqual({ n: `${ID.slice(0, 4)}**********${ID.slice(14, 17)}1`, m: [`${ID.slice(0, 4)}**********${ID.slice(14, 17)}2`] });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const line = JSON.stringify({ msg: `bad token ${jwt}`, key: 'ce_0123456789abcdef01.AbCdEfGhIjKlMnOpQrStUvWxYz012345', detail: `Failing row contains (a, ${ID}, 王建国, "x", (y)).` });
    const masked = JSON.parse(maskLogLine(line));
    expect(masked).toEqual({ msg: 'bad token [redacted]', key: 'ce_0123456789abcdef01.[redacted]', detail: 'Failing row contains [redacted]' });
  });
});

describe('the logs of a running server', () => {
  let app: TestApp;
  let t: TenantFixture;
  const lines: string[] = [];
  const PROBE = 'log_redaction_probe';

  beforeAll(async () => {
    app = await startTestApp({}, lines);
    t = await createTenantFixture(app);
    // a database failure the service does not expect, on a statement bound to an ID number,
    // whose message and detail name it: only for the probe's name, so other tests see nothing
    await app.owner.query(`
      CREATE OR REPLACE FUNCTION ${PROBE}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '日志探针' THEN
          RAISE EXCEPTION 'probe refused %', NEW.id_number
            USING DETAIL = format('Key (tenant_id, id_number)=(%s, %s) already exists.', NEW.tenant_id, NEW.id_number);
        END IF;
        RETURN NEW;
      END $$`);
    await app.owner.query(`CREATE TRIGGER ${PROBE} BEFORE INSERT ON professional FOR EACH ROW EXECUTE FUNCTION ${PROBE}()`);
  });
  afterAll(async () => {
    await app.owner.query(`DROP TRIGGER IF EXISTS ${PROBE} ON professional`);
    await app.owner.query(`DROP FUNCTION IF EXISTS ${PROBE}()`);
    await app.close();
  });

  const CREATE = `mutation Create($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }`;
  const input = (idNumber: string, name = '王建国') => ({ idNumber, name, unitId: t.nodes.unitA1, titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', phone: '13805391234', joinedUnitOn: '2015-07-01' });

  it('never holds a full ID number, even when the database fails on one', async () => {
    const probeId = makeIdNumber('371302', '19800101', 555);
    const failed = await app.gql(CREATE, { i: input(probeId, '日志探针') }, t.accounts.bureau.token);
    expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    const duplicate = await app.gql(CREATE, { i: input(t.people.b1[0].idNumber) }, t.accounts.bureau.token);
    expect(codes(duplicate)).toEqual(['PROFESSIONAL_ID_NUMBER_TAKEN']);
    const person = t.accounts.personA1;
    await app.gql(`mutation SignIn($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: t.code, username: person.username, password: 'wrong-pass-1' } });
    await app.gql(`query Look($y: Int!, $id: String!) { completionStatus(year: $y, idNumber: $id) { __typename } }`, { y: 2024, id: t.people.a1[0].idNumber }, t.accounts.bureau.token);

    const text = lines.join('\n');
    // the failure was logged, with its detail, and masked
    const failure = lines.map((l) => JSON.parse(l)).find((r) => r.msg === 'unexpected error');
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain(maskIdNumber(probeId));
    // a statement's bound values: redacted where the driver's error carries them (TypeORM's), absent otherwise
    expect([undefined, '[redacted]']).toContain(failure.err.parameters);
    expect(failure.err.query).toMatch(/INSERT INTO professional/);
    expect(fullIdNumbers(text)).toEqual([]);
    for (const id of [probeId, t.people.b1[0].idNumber, t.people.a1[0].idNumber, person.username]) expect(text).not.toContain(id);
    expect(text).not.toContain('wrong-pass-1');
  });
});
