// argon2's cost: the library's production cost outside tests, a low one under jest only.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { hashPassword, verifyPassword } from '../../server/accounts/passwords';

const root = path.resolve(__dirname, '../..');

/** A hash made by the compiled server module (`npm test` builds dist/ first) under another NODE_ENV. */
function hashIn(nodeEnv: string): string {
  const code = `require('./dist/server/accounts/passwords.js').hashPassword('secret-123456').then((h) => process.stdout.write(h));`;
  return execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: nodeEnv } });
}

describe('password hashing cost', () => {
  it('under jest, hashes are argon2id at the low test cost', async () => {
    const hash = await hashPassword('secret-123456');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await verifyPassword(hash, 'secret-123456')).toBe(true);
    expect(await verifyPassword(hash, 'secret-1234567')).toBe(false);
  });

  it('a production-cost hash (64 MiB, 3 passes) still verifies under the test cost', async () => {
    const production = hashIn('production');
    expect(production).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(production, 'secret-123456')).toBe(true);
  });
});
