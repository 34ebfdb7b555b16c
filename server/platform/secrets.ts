// Secrets that must survive restarts in development, generated on first start
// into the data folder (git-ignored, mode 600). Production passes them in.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function persistentSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(path.resolve(dataDir), name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
