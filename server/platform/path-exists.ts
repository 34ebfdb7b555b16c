// Whether a file or folder exists (any error, such as ENOENT or EACCES, counts as no).
import { stat } from 'node:fs/promises';

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
