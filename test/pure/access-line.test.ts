// A request's access line is formatted by hand (writeAccessLine) rather than by pino: it must
// be the line pino would have written for the same content, and mask what a client chooses.
import { createLogger, createRequestLogger, writeAccessLine, type RequestLogFields } from '../../server/platform/logger';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', { write: (line: string) => void lines.push(line) }) };
}

const fields: RequestLogFields = { reqId: 'req-0123456789', tenant: 'linyi', actor: 'account:1f0c', operation: 'Status' };
const content = { method: 'POST', path: '/graphql', status: 200, ms: 3.125, errors: ['FORBIDDEN', 'INVALID_INPUT'] };

describe('the access line', () => {
  it('is the JSON pino writes for the same fields and content, key for key and in order', () => {
    const ours = capture();
    writeAccessLine(ours.logger, 'info', fields, { ...content, msg: 'request completed' });
    const theirs = capture();
    createRequestLogger(theirs.logger, { ...fields }).info(content, 'request completed');
    expect(ours.lines).toHaveLength(1);
    const strip = (line: string) => ({ ...JSON.parse(line), time: 0 }) as Record<string, unknown>;
    expect(Object.entries(strip(ours.lines[0]!))).toEqual(Object.entries(strip(theirs.lines[0]!)));
    expect(ours.lines[0]!.endsWith('}\n')).toBe(true);
  });

  it('writes null fields and no errors key when there are none, at the level asked', () => {
    const { lines, logger } = capture();
    writeAccessLine(logger, 'error', { reqId: 'r-1', tenant: null, actor: null, operation: null }, { method: 'GET', path: '/healthz', status: 503, ms: 1, msg: 'request aborted' });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 50, tenant: null, actor: null, operation: null, status: 503, msg: 'request aborted' });
    expect(line).not.toHaveProperty('errors');
  });

  it('masks an ID number, a token or an API secret a client put in the path or its request id', () => {
    const { lines, logger } = capture();
    const path = '/evidence/370102199001011234/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl/ce_abcdefgh.0123456789abcdefghijABCDEFGHIJ';
    writeAccessLine(logger, 'info', { ...fields, reqId: '"quoted"\\' }, { method: 'GET', path, status: 404, ms: 0.5, msg: 'request completed' });
    const line = JSON.parse(lines[0]!) as Record<string, string>;
    expect(line.path).toBe('/evidence/3701**********1234/[redacted]/ce_abcdefgh.[redacted]');
    expect(line.reqId).toBe('"quoted"\\');
  });
});
