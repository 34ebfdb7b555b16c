// The console shows the API's error codes in the chosen language: Chinese is the server's own
// message; English needs a sentence per code the console meets (admin/src/i18n/errors.ts).
// Moving between cities is answered with its own codes, each of which the console meets.
// (errors.ts is read as text: it reads the browser's storage, which this project has not.)
import { readFileSync } from 'node:fs';
import path from 'node:path';

const read = (file: string) => readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
const errorCodes = [...(/enum ErrorCode \{([^}]*)\}/.exec(read('schema/schema.graphql'))?.[1] ?? '').matchAll(/^\s+([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!);
const englishTable = /const english[^=]*= \{([\s\S]*?)\n\};/.exec(read('admin/src/i18n/errors.ts'))?.[1] ?? '';
const english = new Map([...englishTable.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s*'(.+)',$/gm)].map((m) => [m[1]!, m[2]!]));

describe('the console’s error messages', () => {
  const moves = errorCodes.filter((c) => c.startsWith('MOVE_') || c.startsWith('MOVED_YEAR_'));

  it('reads the schema’s codes and the English table', () => {
    expect(moves).toEqual(expect.arrayContaining(['MOVE_PERSON_NOT_FOUND', 'MOVE_REQUEST_EXPIRED', 'MOVED_YEAR_ALREADY_REVIEWED']));
    expect(english.get('FORBIDDEN')).toBe('You are not allowed to do this.');
    // every entry of the table was read
    expect(english.size).toBe(englishTable.match(/^\s+[A-Z][A-Z0-9_]+:/gm)?.length);
  });

  it('has an English sentence, without Chinese, for every moves code', () => {
    expect(moves.filter((code) => !english.has(code))).toEqual([]);
    expect(moves.filter((code) => /[\u4e00-\u9fff]/.test(english.get(code) ?? ''))).toEqual([]);
  });

  it('names only codes the schema has', () => {
    const local = new Set(['NETWORK']);
    expect([...english.keys()].filter((code) => !local.has(code) && !errorCodes.includes(code))).toEqual([]);
  });
});
