// Secret keys' values are removed from a written log line at any depth, whatever they hold,
// and nothing else of the line changes.
import { redactSecretKeys, SECRET_KEYS } from '../../server/platform/log-redaction';

const line = (o: unknown) => JSON.stringify(o);
const redacted = (o: unknown) => JSON.parse(redactSecretKeys(line(o))) as unknown;

describe('secret keys in a log line', () => {
  it('leaves a line without them as it was (the same string)', () => {
    const text = line({ level: 30, msg: 'request completed', reqId: 'r1', tenant: 'linyi', path: '/graphql', status: 200, ms: 3.2 });
    expect(redactSecretKeys(text)).toBe(text);
  });

  it('removes every kind of value, at any depth', () => {
    const deep = { a: { b: { c: { d: { e: { f: { password: 'p4ss', keep: 1 } } } } } } };
    expect(redacted(deep)).toEqual({ a: { b: { c: { d: { e: { f: { password: '[redacted]', keep: 1 } } } } } } });
    const err = { err: { type: 'QueryFailedError', parameters: ['370102198001011234', { x: [1, '"]'] }, null], query: 'INSERT …', code: '23505' } };
    expect(redacted(err)).toEqual({ err: { type: 'QueryFailedError', parameters: '[redacted]', query: 'INSERT …', code: '23505' } });
    expect(redacted({ token: 12345, apiKey: null, secret: true, cookie: { a: 'b' } })).toEqual({ token: '[redacted]', apiKey: '[redacted]', secret: '[redacted]', cookie: '[redacted]' });
    expect(redacted([{ headers: { 'x-api-key': 'ce_x.y', authorization: 'Bearer z' } }, { idNumber: 'q' }])).toEqual([
      { headers: { 'x-api-key': '[redacted]', authorization: '[redacted]' } },
      { idNumber: '[redacted]' },
    ]);
  });

  it('covers every listed key, and only as a key: not inside a string, not as a longer key', () => {
    for (const key of SECRET_KEYS) expect(redacted({ [key]: 'v', [`${key}Hint`]: 'kept' })).toEqual({ [key]: '[redacted]', [`${key}Hint`]: 'kept' });
    const message = { msg: 'body was {"password":"p"} and "token": 1', note: '\\"token\\":' };
    expect(redacted(message)).toEqual(message);
  });

  it('handles strings with escapes and brackets inside the removed value', () => {
    const o = { password: 'a\\"b}],{"c', after: 'kept', list: [{ newPassword: ['x', { y: '\\' }] }, 2] };
    expect(redacted(o)).toEqual({ password: '[redacted]', after: 'kept', list: [{ newPassword: '[redacted]' }, 2] });
  });
});
